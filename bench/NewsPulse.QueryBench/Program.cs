using System.Globalization;
using Dapper;
using NewsPulse.App.Hosting;
using NewsPulse.App.Web;
using NewsPulse.QueryBench;
using Npgsql;

// Query benchmark (not a test): a synthetic corpus bulk-loaded into a fresh database, then the HTTP API's
// representative queries timed at 1 and N concurrent clients, with the PostgreSQL plan of each.
// Usage: newspulse-querybench [--articles N] [--reuse] [--requests N] [--concurrent-requests N] [--clients N] [--seconds S]
// (S: at most this long per query and client count; a slower query is measured on fewer requests)
const string DatabaseName = "newspulse_querybench";
const ulong Seed = 20261206;

var articles = Option("--articles", 1_000_000);
var size = new CorpusSize(articles, People: (int)Math.Max(100, articles / 50), Quotes: articles * 2);
var requests = (int)Option("--requests", 200);
var concurrentRequests = (int)Option("--concurrent-requests", 800);
var clients = (int)Option("--clients", 16);
var budget = TimeSpan.FromSeconds(Option("--seconds", 30));
var fingerprint = string.Create(CultureInfo.InvariantCulture, $$"""{"seed": {{Seed}}, "articles": {{size.Articles}}, "people": {{size.People}}, "quotes": {{size.Quotes}}}""");

var configuration = AppConfiguration.Build();
using var loggerFactory = AppServices.CreateLoggerFactory(configuration);
var serverConnection = await DatabaseBootstrap.ResolveConnectionStringAsync(configuration, loggerFactory, CancellationToken.None);
var connectionString = new NpgsqlConnectionStringBuilder(serverConnection) { Database = DatabaseName }.ConnectionString;
var corpus = new SyntheticCorpus(Seed, size);
var reuse = args.Contains("--reuse") && await SameCorpusAsync();
if (!reuse)
{
    await using var server = new NpgsqlConnection(serverConnection);
    await server.OpenAsync();
    await server.ExecuteAsync($"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)");
    await server.ExecuteAsync($"CREATE DATABASE {DatabaseName}");
}

// The app's own start-up applies the migrations, on a reused database too (a new index is measured without reloading).
await (await AppServices.StartAsync(CancellationToken.None, connectionString)).DisposeAsync();
if (reuse)
{
    Console.WriteLine($"Reusing {DatabaseName}: it holds this corpus ({fingerprint})");
}
else
{
    await CorpusLoad.RunAsync(connectionString, corpus, fingerprint);
}

// The per-client rate limiter would answer most of the concurrent runs' requests with 429.
await using var web = WebServer.Build(connectionString, "http://127.0.0.1:0", settings: new Dictionary<string, string?> { ["Api:RateLimitPerMinute"] = "0" });
await web.StartAsync();
using var http = new HttpClient { BaseAddress = new Uri(web.Urls.First()), Timeout = TimeSpan.FromMinutes(5) };
var (queries, pageDepth) = await BenchQueries.BuildAsync(connectionString, corpus, http);

var rows = new Dictionary<string, double>();
foreach (var query in queries.Concat(pageDepth))
{
    rows[query.Name] = await Latency.MeanRowsAsync(http, query.Urls, 10);
}

Console.WriteLine();
Console.WriteLine("## Plans (EXPLAIN (ANALYZE, BUFFERS) of the statements each endpoint runs, for the first parameters of its rotation)");
await using (var connection = new NpgsqlConnection(connectionString))
{
    await connection.OpenAsync();
    foreach (var query in queries)
    {
        Console.WriteLine();
        Console.WriteLine($"### {query.Name}: GET {query.Urls[0]}");
        foreach (var statement in query.Statements)
        {
            Console.WriteLine("```");
            foreach (var line in await connection.QueryAsync<string>($"EXPLAIN (ANALYZE, BUFFERS) {statement.Sql}", statement.Parameters))
            {
                Console.WriteLine(line);
            }

            Console.WriteLine("```");
        }
    }
}

var single = new List<Latency>();
var concurrent = new List<Latency>();
foreach (var query in queries)
{
    single.Add(await Latency.MeasureAsync(http, query.Urls, 1, requests, budget));
}

foreach (var query in queries)
{
    concurrent.Add(await Latency.MeasureAsync(http, query.Urls, clients, concurrentRequests, budget));
}

var depth = new List<Latency>();
foreach (var query in pageDepth)
{
    depth.Add(await Latency.MeasureAsync(http, query.Urls, 1, requests, budget));
}

Console.WriteLine();
Console.WriteLine($"## Latency ({size.Articles:N0} articles; 1 client: {requests} requests, {clients} clients: {concurrentRequests} requests per query, or as many as start within {budget.TotalSeconds:0} s; ms)");
Console.WriteLine();
Console.WriteLine($"| query | rows/answer | 1 client p50 | p95 | p99 | req/s | n | {clients} clients p50 | p95 | p99 | req/s | n |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (var i = 0; i < queries.Count; i++)
{
    Console.WriteLine($"| {queries[i].Name} | {rows[queries[i].Name]:0.#} | {Cells(single[i])} | {Cells(concurrent[i])} |");
}

Console.WriteLine();
Console.WriteLine($"## Page depth (1 client, {requests} requests, top {pageDepth[0].Urls.Count} companies, 50 articles a page; ms)");
Console.WriteLine();
Console.WriteLine("| page | rows/answer | p50 | p95 | p99 | req/s | n |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
for (var i = 0; i < pageDepth.Count; i++)
{
    Console.WriteLine($"| {pageDepth[i].Name} | {rows[pageDepth[i].Name]:0.#} | {Cells(depth[i])} |");
}

static string Cells(Latency latency) => string.Create(CultureInfo.InvariantCulture, $"{latency.P50:0.0} | {latency.P95:0.0} | {latency.P99:0.0} | {latency.PerSecond:0.#} | {latency.Requests}{(latency.Failed > 0 ? $" ({latency.Failed} failed)" : "")}");

long Option(string name, long fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? long.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

async Task<bool> SameCorpusAsync()
{
    try
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var stored = await connection.ExecuteScalarAsync<string?>("SELECT metrics::text FROM model_versions WHERE version = @version", new { version = SyntheticCorpus.ModelVersion });
        return stored == (await connection.ExecuteScalarAsync<string>("SELECT @fingerprint::jsonb::text", new { fingerprint }));
    }
    catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.InvalidCatalogName or PostgresErrorCodes.UndefinedTable)
    {
        return false;
    }
}
