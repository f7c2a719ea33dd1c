using System.Diagnostics;

namespace NewsPulse.IntegrationTests;

/// <summary>Runs the real <c>newspulse</c> executable built beside the tests, capturing its exit code and output.</summary>
internal static class CliProcess
{
    private static readonly string Executable = Path.Combine(AppContext.BaseDirectory, "newspulse.dll");

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
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

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
