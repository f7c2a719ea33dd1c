using System.Diagnostics;
using System.Globalization;
using NewsPulse.App.Demo;
using NewsPulse.App.Hosting;
using NewsPulse.App.Ingestion;
using NewsPulse.Bench;
using NewsPulse.Benchmarks;

// End-to-end ingest benchmark (not a test): a generated local site of FEEDS x ITEMS, polled, fetched, extracted
// and stored in a fresh database; prints what it measured. Usage: newspulse-bench [feeds] [items per feed]
var feeds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var items = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;

Console.WriteLine($"Generating {feeds} feeds x {items} items...");
var site = GeneratedSite.Create(feeds, items, seed: 42);
try
{
    await using var server = await StaticSiteServer.StartAsync(site, 0, CancellationToken.None);
    var configuration = AppConfiguration.Build();
    using var loggerFactory = AppServices.CreateLoggerFactory(configuration);
    var serverConnection = await DatabaseBootstrap.ResolveConnectionStringAsync(configuration, loggerFactory, CancellationToken.None);
    var benchConnection = await BenchDatabase.FreshAsync(serverConnection, "newspulse_bench");

    var settings = new Dictionary<string, string?>(AppConfiguration.LocalSampleFetching) { ["Logging:LogLevel:Default"] = "Warning" };
    await using var app = await AppServices.StartAsync(CancellationToken.None, benchConnection, settings);
    var process = Process.GetCurrentProcess();
    var cpuBefore = process.TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    var summary = await app.Get<IngestPipeline>().RunOnceAsync(new IngestRequest(Path.Combine(site, "feeds.yaml"), server.BaseUrl), null, CancellationToken.None);
    clock.Stop();
    process.Refresh();

    var seconds = clock.Elapsed.TotalSeconds;
    var pages = summary.Run.ArticlesExtracted + summary.Run.ArticlesFailed;
    Console.WriteLine($"feeds polled:      {summary.Run.FeedsOk} ok, {summary.Run.FeedsFailed} failed");
    Console.WriteLine($"pages:             {summary.Run.ArticlesExtracted} extracted, {summary.Run.ArticlesFailed} failed");
    Console.WriteLine($"wall time:         {seconds:0.00} s");
    Console.WriteLine($"feeds/s:           {summary.Run.FeedsOk / summary.PollTime.TotalSeconds:0.0} (polling phase, {summary.PollTime.TotalSeconds:0.00} s: fetch, parse, store items)");
    Console.WriteLine($"pages/s:           {pages / summary.PageTime.TotalSeconds:0.0} (page phase, {summary.PageTime.TotalSeconds:0.00} s: fetch, extract, store)");
    Console.WriteLine($"pages/s overall:   {pages / seconds:0.0} (whole run, polling included)");
    Console.WriteLine($"CPU seconds:       {(process.TotalProcessorTime - cpuBefore).TotalSeconds:0.00} (this process, server and client; PostgreSQL not included)");
    Console.WriteLine($"peak memory:       {process.PeakWorkingSet64 / (1024.0 * 1024.0):0} MB (peak working set of this process)");
}
finally
{
    Directory.Delete(site, recursive: true);
}
