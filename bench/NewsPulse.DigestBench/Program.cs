using System.Diagnostics;
using System.Globalization;
using Dapper;
using NewsPulse.App.Digest;
using NewsPulse.App.Hosting;
using NewsPulse.Benchmarks;
using NewsPulse.DigestBench;
using Npgsql;

// Digest benchmark (not a test): a generated day of STORIES tagged stories with quotes and SUBSCRIBERS confirmed
// subscribers in a fresh database, every digest composed into the outbox (PlanAsync) and sent to an SMTP server on
// 127.0.0.1 (SendDueAsync); prints what it measured.
// Usage: newspulse-digest-bench [subscribers] [stories] [send concurrency]
const int Seed = 20261206;
var subscriberCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var storyCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5_000;
var sendConcurrency = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 8;

await using var sink = new SmtpSink();
var configuration = AppConfiguration.Build();
using var loggerFactory = AppServices.CreateLoggerFactory(configuration);
var serverConnection = await DatabaseBootstrap.ResolveConnectionStringAsync(configuration, loggerFactory, CancellationToken.None);
var benchConnection = await BenchDatabase.FreshAsync(serverConnection, "newspulse_digestbench");
var settings = new Dictionary<string, string?>(sink.Settings)
{
    ["Logging:LogLevel:Default"] = "Warning",
    ["Digest:PublicBaseUrl"] = "https://news.example.org",
    ["Digest:TokenSecret"] = "digest-bench-secret-that-signs-every-link-0123456789",
    ["Digest:SendConcurrency"] = sendConcurrency.ToString(CultureInfo.InvariantCulture),
};
await using var app = await AppServices.StartAsync(CancellationToken.None, benchConnection, settings);
var dataSource = app.Get<NpgsqlDataSource>();

var now = TimeProvider.System.GetUtcNow();
var clock = Stopwatch.StartNew();
var corpus = Corpus.Generate(storyCount, now, Seed);
var generated = clock.Elapsed;
await CorpusLoader.LoadAsync(dataSource, corpus, now);
var nothing = await SubscriberLoader.LoadAsync(dataSource, corpus, subscriberCount, now, Seed + 1);
var clustered = corpus.Stories.GroupBy(s => s.Cluster).Where(g => g.Count() > 1).ToList();
Console.WriteLine($"generated:         {corpus.Stories.Count} stories ({clustered.Sum(g => g.Count())} in {clustered.Count} clusters of 2-5 outlets), {corpus.Feeds.Count} feeds, "
    + $"{corpus.Stories.Sum(s => s.Tags.Count)} tags, {corpus.People.Count} people, {corpus.Stories.Sum(s => s.Quotes.Count)} quotes, "
    + $"{subscriberCount} subscribers ({nothing} following only companies in no story)");
Console.WriteLine($"generation + load: {clock.Elapsed.TotalSeconds:0.00} s (generation {generated.TotalSeconds:0.00} s, COPY {(clock.Elapsed - generated).TotalSeconds:0.00} s; not measured below)");

var digests = app.Get<DigestService>();
clock.Restart();
var plan = await digests.PlanAsync(ignoreSendHour: true, date: null, CancellationToken.None);
var planTime = clock.Elapsed;
clock.Restart();
var send = await digests.SendDueAsync(null, CancellationToken.None);
var sendTime = clock.Elapsed;
using var process = Process.GetCurrentProcess();

await using var connection = await dataSource.OpenConnectionAsync();
var states = (await connection.QueryAsync<(string State, int Count)>("SELECT state, count(*)::int FROM digest_deliveries GROUP BY state ORDER BY state"))
    .ToDictionary(r => r.State, r => r.Count);
var outboxSent = states.GetValueOrDefault("sent");
var settled = outboxSent + states.GetValueOrDefault("skipped");
var consistent = sink.Messages == outboxSent && sink.DistinctMessageIds == outboxSent && settled == states.Values.Sum() && settled == subscriberCount;

Console.WriteLine($"composed:          {plan.Composed} digests, {plan.Skipped} skipped (nothing matched)");
Console.WriteLine($"composition:       {(plan.Composed + plan.Skipped) / planTime.TotalSeconds:0.0} digests/s ({planTime.TotalSeconds:0.00} s for composed + skipped; target 200/s)");
Console.WriteLine($"sending:           {send.Sent / sendTime.TotalSeconds:0.0} digests/s ({send.Sent} sent in {sendTime.TotalSeconds:0.00} s, {send.Retrying} retrying, {send.Failed} failed, SendConcurrency {sendConcurrency})");
Console.WriteLine($"total:             {(planTime + sendTime).TotalSeconds:0.00} s (compose + send; target under 120 s)");
Console.WriteLine($"peak memory:       {process.PeakWorkingSet64 / (1024.0 * 1024.0):0} MB (peak working set of this process)");
Console.WriteLine($"message size:      {(sink.Messages == 0 ? 0 : sink.Bytes / 1024.0 / sink.Messages):0.0} KB on average ({sink.Bytes / (1024.0 * 1024.0):0.0} MB received)");
Console.WriteLine($"check:             SMTP accepted {sink.Messages} messages ({sink.DistinctMessageIds} distinct Message-IDs), outbox "
    + string.Join(", ", states.Select(s => $"{s.Value} {s.Key}")) + $": {(consistent ? "OK" : "MISMATCH")}");
return consistent ? 0 : 1;
