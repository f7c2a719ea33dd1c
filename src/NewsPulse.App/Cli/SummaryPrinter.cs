using System.Globalization;
using NewsPulse.App.Hosting;
using NewsPulse.App.Ingestion;
using Spectre.Console;

namespace NewsPulse.App.Cli;

/// <summary>The end-of-run table: feeds and articles that worked and failed, and why.</summary>
internal static class SummaryPrinter
{
    private const int MaxProblemRows = 50;

    /// <summary>Runs one ingest pass with progress on stderr, then prints its summary.</summary>
    public static async Task RunAndPrintAsync(AppServices app, IngestRequest request, CancellationToken cancellationToken)
    {
        var progress = new ConsoleProgress();
        var summary = await app.Get<IngestPipeline>().RunOnceAsync(request, progress, cancellationToken);
        progress.Complete();
        Print(summary, AnsiConsole.Console);
    }

    public static void Print(IngestSummary summary, IAnsiConsole console)
    {
        var run = summary.Run;
        var table = new Table().Title("Ingest summary").AddColumn("").AddColumn(new TableColumn("ok").RightAligned()).AddColumn(new TableColumn("").RightAligned());
        table.AddRow("feeds", $"{run.FeedsOk} ok ({run.FeedsNotModified} unchanged)", $"{run.FeedsFailed} failed");
        table.AddRow("articles found", $"{run.ArticlesNew} new", $"{run.ArticlesDuplicate} duplicate");
        table.AddRow("article pages", $"{run.ArticlesExtracted} extracted", $"{run.ArticlesFailed} failed");
        table.AddRow("time taken", summary.Elapsed.TotalSeconds.ToString("0.0 's'", CultureInfo.InvariantCulture), string.Empty);
        console.Write(table);

        if (run.Problems.Count == 0)
        {
            return;
        }

        var problems = new Table().Title($"Problems ({run.Problems.Count}, also stored as ingest run {summary.RunId})")
            .AddColumn("what").AddColumn("where").AddColumn("reason");
        foreach (var problem in run.Problems.Take(MaxProblemRows))
        {
            problems.AddRow(Markup.Escape(problem.Kind), Markup.Escape(problem.Subject), Markup.Escape(problem.Reason));
        }

        console.Write(problems);
        if (run.Problems.Count > MaxProblemRows)
        {
            console.WriteLine($"... and {run.Problems.Count - MaxProblemRows} more.");
        }
    }
}
