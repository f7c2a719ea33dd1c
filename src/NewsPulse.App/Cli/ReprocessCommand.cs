using System.CommandLine;
using NewsPulse.App.Hosting;
using NewsPulse.App.Ingestion;
using NewsPulse.App.Tagging;

namespace NewsPulse.App.Cli;

/// <summary><c>newspulse reprocess --stage extract|tag|quotes [--since DATE]</c>: rerun a stage on stored articles, without fetching.</summary>
internal static class ReprocessCommand
{
    public static Command Create()
    {
        var stage = new Option<string>("--stage") { Description = "The stage to rerun: extract (from the kept raw HTML), tag (with the current model) or quotes.", Required = true };
        stage.AcceptOnlyFromAmong("extract", "tag", "quotes");
        var since = new Option<string?>("--since") { Description = "Only pages fetched on or after this date (YYYY-MM-DD, or an ISO 8601 time)." };
        var command = new Command("reprocess", "Rerun a pipeline stage on stored articles, without fetching: extract from the kept raw HTML, or tag or find quotes in the extracted text.") { stage, since };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            var from = CliDates.Parse(parseResult.GetValue(since), "--since");

            await using var app = await AppServices.StartAsync(cancellationToken);
            var progress = new ConsoleProgress();
            var reprocessor = app.Get<Reprocessor>();
            if (parseResult.GetValue(stage) == "quotes")
            {
                var quoted = await reprocessor.RequoteAsync(from, progress, cancellationToken);
                progress.Complete();
                Console.WriteLine($"Extracted the quotes of {quoted.Succeeded} articles again; {quoted.Failed} failed (see the errors above).");
                return quoted.Failed == 0 ? 0 : CommandErrors.Failure;
            }

            if (parseResult.GetValue(stage) == "tag")
            {
                var tagged = await reprocessor.RetagAsync(from, progress, cancellationToken);
                progress.Complete();
                Console.WriteLine($"Re-tagged {tagged.Succeeded} articles with model {app.Get<ModelFiles>().CurrentTagger().ModelVersion}; {tagged.Failed} not tagged (see the warnings above).");
                return tagged.Failed == 0 ? 0 : CommandErrors.Failure;
            }

            var summary = await reprocessor.ReextractAsync(from, progress, cancellationToken);
            progress.Complete();
            Console.WriteLine($"Re-extracted {summary.Succeeded + summary.Failed} articles: {summary.Succeeded} articles, {summary.Failed} not articles (recorded as failed with the reason).");
            return 0;
        });
        return command;
    }
}
