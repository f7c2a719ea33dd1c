using System.Diagnostics;
using System.Globalization;

namespace NewsPulse.IntegrationTests;

/// <summary>Runs the real <c>newspulse</c> executable built beside the tests, capturing its exit code and output.</summary>
internal static class CliProcess
{
    private static readonly string Executable = Path.Combine(AppContext.BaseDirectory, "newspulse.dll");

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        await using var running = Start(environment, arguments);
        return await running.WaitForExitAsync(TimeSpan.FromMinutes(1));
    }

    /// <summary>Starts a command that runs until stopped (<c>serve</c>).</summary>
    public static RunningCli Start(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Executable);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Never the developer's embedded database: commands that reach the database here must fail before it.
        start.Environment["NEWSPULSE_HOME"] = Path.Combine(Path.GetTempPath(), "np-cli-tests-home");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return new RunningCli(Process.Start(start)!);
    }
}

/// <summary>A started <c>newspulse</c> process; disposing it kills whatever is still running.</summary>
internal sealed class RunningCli : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    public RunningCli(Process process)
    {
        _process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public async Task<(int ExitCode, string Stdout, string Stderr)> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        return (_process.ExitCode, await _stdout, await _stderr);
    }

    /// <summary>Asks the process to stop the way a service manager does (SIGTERM), then waits for it.</summary>
    public async Task<(int ExitCode, string Stdout, string Stderr)> StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        return await WaitForExitAsync(TimeSpan.FromMinutes(1));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
