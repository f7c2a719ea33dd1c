using Spectre.Console;

namespace NewsPulse.App.Cli;

/// <summary>Runs a built web application until Ctrl-C or SIGTERM, the way the long-running commands end.</summary>
internal static class WebHosting
{
    /// <param name="web">The application, not yet started.</param>
    /// <param name="address">The URLs it was bound to, for the error when they are taken.</param>
    /// <param name="setting">The setting that chooses the address, named in that error.</param>
    /// <param name="announce">The line printed once it listens, given its actual URLs.</param>
    /// <param name="cancellationToken">Signalled by Ctrl-C or SIGTERM.</param>
    public static async Task RunUntilCancelledAsync(WebApplication web, string address, string setting, Func<string, string> announce, CancellationToken cancellationToken)
    {
        try
        {
            await web.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            throw new UserInputException($"Cannot listen on {address}: {ex.Message} Pass --urls http://127.0.0.1:PORT or set {setting}.", ex);
        }

        AnsiConsole.MarkupLine(announce(Markup.Escape(string.Join(", ", web.Urls))));
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C and SIGTERM are how a server is meant to end.
        }

        await web.StopAsync(CancellationToken.None);
    }
}
