using System.CommandLine;
using NewsPulse.App.Hosting;
using NewsPulse.Storage.LocalPostgres;
using Npgsql;

namespace NewsPulse.App.Cli;

/// <summary>Turns the failures a user can fix into one clear line on stderr and a non-zero exit code, instead of a stack trace.</summary>
internal static class CommandErrors
{
    public const int Failure = 1;
    public const int Cancelled = 130;

    public static void SetGuardedAction(this Command command, Func<ParseResult, CancellationToken, Task<int>> action) =>
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            try
            {
                return await action(parseResult, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await Console.Error.WriteLineAsync("Cancelled.");
                return Cancelled;
            }
            catch (Exception ex) when (ex is LocalPostgresException or InvalidConfigurationException or UserInputException)
            {
                await Console.Error.WriteLineAsync($"error: {ex.Message}");
                return Failure;
            }
            catch (NpgsqlException ex)
            {
                await Console.Error.WriteLineAsync(
                    $"error: database problem: {ex.Message}\nCheck ConnectionStrings:NewsPulse (NEWSPULSE__ConnectionStrings__NewsPulse), or leave it empty to use the embedded database.");
                return Failure;
            }
        });
}
