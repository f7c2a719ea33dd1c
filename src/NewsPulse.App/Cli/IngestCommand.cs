using System.CommandLine;
using NewsPulse.App.Hosting;
using NewsPulse.App.Ingestion;

namespace NewsPulse.App.Cli;

/// <summary><c>newspulse ingest --once [--feeds FILE]</c>: one pass over the feeds, then exit (0 even when some feeds fail).</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var once = new Option<bool>("--once") { Description = "Poll every feed once, fetch and extract new articles, then exit." };
        var feeds = new Option<FileInfo?>("--feeds") { Description = "A feeds.yaml to load first; only its feeds are polled. Without it, every enabled feed in the database." };
        var command = new Command("ingest", "Poll feeds, fetch their new article pages, extract and store them.") { once, feeds };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            if (!parseResult.GetValue(once))
            {
                // Scheduled, continuous ingestion belongs to `newspulse serve`; a plain `ingest` must not later change meaning.
                throw new UserInputException("Say --once to poll every feed one time and exit: `newspulse ingest --once [--feeds FILE]`.");
            }

            var file = parseResult.GetValue(feeds);
            if (file is not null && !file.Exists)
            {
                throw new UserInputException($"Feeds file not found: {file.FullName}");
            }

            await using var app = await AppServices.StartAsync(cancellationToken);
            await SummaryPrinter.RunAndPrintAsync(app, new IngestRequest(file?.FullName), cancellationToken);
            return 0;
        });
        return command;
    }
}
