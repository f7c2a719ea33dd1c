using System.CommandLine;
using System.Globalization;
using NewsPulse.App.Hosting;
using NewsPulse.App.Ingestion;

namespace NewsPulse.App.Cli;

/// <summary><c>newspulse reprocess --stage extract [--since DATE]</c>: rerun a stage from the kept raw HTML.</summary>
internal static class ReprocessCommand
{
    public static Command Create()
    {
        var stage = new Option<string>("--stage") { Description = "The stage to rerun: extract (tag and quotes arrive with their stages).", Required = true };
        stage.AcceptOnlyFromAmong("extract");
        var since = new Option<string?>("--since") { Description = "Only pages fetched on or after this date (YYYY-MM-DD, or an ISO 8601 time)." };
        var command = new Command("reprocess", "Rerun a pipeline stage on stored articles from their kept raw HTML, without fetching.") { stage, since };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            DateTimeOffset? from = null;
            if (parseResult.GetValue(since) is { } raw)
            {
                from = DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                    ? parsed
                    : throw new UserInputException($"--since must be a date like 2026-11-20 or 2026-11-20T08:00:00Z, not '{raw}'.");
            }

            await using var app = await AppServices.StartAsync(cancellationToken);
            var progress = new ConsoleProgress();
            var summary = await app.Get<Reprocessor>().ReextractAsync(from, progress, cancellationToken);
            progress.Complete();
            Console.WriteLine($"Re-extracted {summary.Extracted + summary.Failed} articles: {summary.Extracted} articles, {summary.Failed} not articles (recorded as failed with the reason).");
            return 0;
        });
        return command;
    }
}
