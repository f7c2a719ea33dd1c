using System.CommandLine;
using Microsoft.Extensions.Options;
using NewsPulse.App.Hosting;
using NewsPulse.App.Scheduling;
using NewsPulse.App.Web;

namespace NewsPulse.App.Cli;

/// <summary>
/// <c>newspulse serve [--feeds FILE] [--urls URLS]</c>: the long-running process. Quartz polls due feeds and fetches
/// pending pages; the web front answers on 127.0.0.1:5080 unless told otherwise. Ends on Ctrl-C or SIGTERM.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = "Where to listen (default: ASPNETCORE_URLS, else Serve:Urls, http://127.0.0.1:5080)." };
        var feeds = new Option<FileInfo?>("--feeds") { Description = "A feeds.yaml to load before the scheduler starts (as `feeds load` does)." };
        var command = new Command("serve", "Run the scheduler (poll due feeds, fetch and extract pending pages) and the web front until stopped.")
        {
            urls,
            feeds,
        };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            var file = parseResult.GetValue(feeds) is { } given ? FeedsCommand.RequireFile(given) : null;
            await using var app = await AppServices.StartAsync(cancellationToken);
            if (file is not null)
            {
                await FeedsCommand.LoadFileAsync(app, file, cancellationToken);
            }

            var scheduler = app.Get<IOptions<SchedulerOptions>>().Value;
            var address = parseResult.GetValue(urls)
                ?? NonEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_URLS"))
                ?? app.Get<IOptions<ServeOptions>>().Value.Urls;
            await using var web = WebServer.Build(app.ConnectionString, address, services => services.AddNewsPulseScheduler(scheduler, app.ConnectionString));
            var mode = scheduler.Clustered ? "clustered" : "single node";
            await WebHosting.RunUntilCancelledAsync(
                web,
                address,
                "Serve:Urls",
                listening => $"NewsPulse serving at [blue]{listening}[/]; scheduler running ({mode}: polls due feeds every {scheduler.PollDueFeedsEvery}, pending pages every {scheduler.FetchArticlesEvery}). Ctrl-C to stop.",
                cancellationToken);
            return 0;
        });
        return command;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
