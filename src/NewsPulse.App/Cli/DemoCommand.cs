using System.CommandLine;
using System.Globalization;
using NewsPulse.App.Demo;
using NewsPulse.App.Hosting;
using NewsPulse.App.Ingestion;
using NewsPulse.App.Web;
using Spectre.Console;

namespace NewsPulse.App.Cli;

/// <summary>
/// <c>newspulse demo</c>: the whole slice offline. Serves samples/ locally, ingests its feeds into the
/// (embedded) database, prints the summary, then serves the article list until Ctrl-C.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var noServe = new Option<bool>("--no-serve") { Description = "Stop after the ingest instead of serving the web page." };
        var urls = new Option<string?>("--urls") { Description = "Where to serve the web page (default: Demo:Urls, http://127.0.0.1:5080)." };
        var command = new Command("demo", "Ingest the bundled sample feeds (served locally) into the database, then serve the latest articles.")
        {
            noServe,
            urls,
        };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            var samples = ProjectPaths.Samples;
            var feedsFile = Path.Combine(samples, "feeds.yaml");
            if (!File.Exists(feedsFile))
            {
                throw new UserInputException($"The sample corpus is missing: {feedsFile} not found. Run the demo from a full NewsPulse checkout.");
            }

            var port = RememberedSamplePort();
            var sharedSite = await RunningSampleSiteAsync(port, feedsFile, cancellationToken);
            await using var site = sharedSite is null ? await StaticSiteServer.StartAsync(samples, port, cancellationToken) : null;
            var siteUrl = sharedSite ?? site!.BaseUrl;
            RememberSamplePort(siteUrl.Port);
            AnsiConsole.MarkupLine($"Sample feeds served at [blue]{Markup.Escape(siteUrl.ToString())}[/]");

            await using var app = await AppServices.StartAsync(cancellationToken, overrides: AppConfiguration.LocalSampleFetching);
            await SummaryPrinter.RunAndPrintAsync(app, new IngestRequest(feedsFile, siteUrl), cancellationToken);

            if (parseResult.GetValue(noServe))
            {
                return 0;
            }

            var address = parseResult.GetValue(urls) ?? app.Configuration.GetSection(DemoOptions.SectionName).Get<DemoOptions>()?.Urls ?? new DemoOptions().Urls;
            await using var web = WebServer.Build(app.ConnectionString, address);
            await WebHosting.RunUntilCancelledAsync(web, address, "Demo:Urls", urls => $"Latest articles at [blue]{urls}[/] (Ctrl-C to stop)", cancellationToken);
            return 0;
        });
        return command;
    }

    // The sample feeds are identified by URL, port included: reusing the port keeps a second demo run from
    // seeing the same stories as new ones.
    private static string PortFile => Path.Combine(ProjectPaths.StateDirectory, "demo-samples-port");

    /// <summary>
    /// Another demo still running holds the remembered port with the same samples: use its server rather than move
    /// to a new port, which would make every sample story look new.
    /// </summary>
    private static async Task<Uri?> RunningSampleSiteAsync(int port, string feedsFile, CancellationToken cancellationToken)
    {
        if (port == 0)
        {
            return null;
        }

        var baseUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            var served = await http.GetStringAsync(new Uri(baseUrl, "feeds.yaml"), cancellationToken);
            return served == await File.ReadAllTextAsync(feedsFile, cancellationToken) ? baseUrl : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    private static int RememberedSamplePort() =>
        File.Exists(PortFile) && int.TryParse(File.ReadAllText(PortFile).Trim(), CultureInfo.InvariantCulture, out var port) ? port : 0;

    private static void RememberSamplePort(int port)
    {
        Directory.CreateDirectory(ProjectPaths.StateDirectory);
        File.WriteAllText(PortFile, port.ToString(CultureInfo.InvariantCulture));
    }
}
