using System.Diagnostics;
using Dapper;
using Npgsql;

namespace NewsPulse.IntegrationTests;

/// <summary>
/// <c>newspulse serve</c> as it runs in production: real processes, Quartz's job store in the test database, a
/// local Kestrel news site. Two clustered nodes share the work without fetching anything twice.
/// </summary>
public sealed class ServeTests : FreshDatabaseTest, IDisposable
{
    private const int Feeds = 12;
    private const int ItemsPerFeed = 4;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private readonly string _folder = Directory.CreateTempSubdirectory("np-serve-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Two_clustered_serve_nodes_poll_each_feed_and_fetch_each_page_exactly_once()
    {
        // Slow pages make the fetch passes long enough for both nodes' triggers to come due while one runs.
        await using var site = await CountingNewsSite.StartAsync(ItemsPerFeed, pageDelay: TimeSpan.FromMilliseconds(30));
        var feedsFile = await CountingNewsSite.WriteFeedsFileAsync(_folder, Feeds, site.BaseUrl);
        var environment = NodeEnvironment();

        await using var nodeA = CliProcess.Start(environment, "serve", "--feeds", feedsFile, "--urls", "http://127.0.0.1:0");
        await using var nodeB = CliProcess.Start(environment, "serve", "--urls", "http://127.0.0.1:0");
        var nodesSeen = await WaitForAsync(
            "both nodes to check in to the cluster",
            () => CountAsync("SELECT count(*) FROM qrtz_scheduler_state"),
            seen => seen == 2);
        var extracted = await WaitForAsync(
            "every page to be extracted",
            () => CountAsync("SELECT count(*) FROM articles WHERE status = 'tagged'"),
            count => count == Feeds * ItemsPerFeed);

        var stopA = await nodeA.StopAsync();
        var stopB = await nodeB.StopAsync();
        Assert.True(stopA.ExitCode == 0, stopA.Stderr);
        Assert.True(stopB.ExitCode == 0, stopB.Stderr);
        Assert.Equal(2, nodesSeen);
        Assert.Equal(Feeds * ItemsPerFeed, extracted);
        Assert.Equal(Feeds, site.Distinct("/feed/"));
        Assert.Equal(Feeds * ItemsPerFeed, site.Distinct("/page/"));
        Assert.Empty(site.RequestedTwice());
        Assert.Contains("scheduler running (clustered", stopA.Stdout, StringComparison.Ordinal);
        Assert.Equal(Feeds, await CountAsync("SELECT count(*) FROM feeds WHERE last_success_at IS NOT NULL AND next_check_at > now()"));
    }

    [Fact]
    public async Task Serve_refuses_a_missing_feeds_file_before_starting_anything()
    {
        var (exitCode, _, stderr) = await CliProcess.RunAsync(NodeEnvironment(), "serve", "--feeds", Path.Combine(_folder, "missing.yaml"));

        Assert.Equal(1, exitCode);
        Assert.Contains("Feeds file not found", stderr, StringComparison.Ordinal);
    }

    private Dictionary<string, string> NodeEnvironment() => new()
    {
        ["NEWSPULSE__ConnectionStrings__NewsPulse"] = ConnectionString,
        ["NEWSPULSE__Scheduler__Clustered"] = "true",
        ["NEWSPULSE__Scheduler__PollDueFeedsEvery"] = "00:00:01",
        ["NEWSPULSE__Scheduler__FetchArticlesEvery"] = "00:00:01",

        // A feed polled once is not due again for an hour: every poll the test sees belongs to one cycle.
        ["NEWSPULSE__Scheduler__MinPollInterval"] = "01:00:00",
        ["NEWSPULSE__Fetch__AllowPrivateNetworks"] = "true",
        ["NEWSPULSE__Fetch__PerHostDelayMs"] = "0",
        ["NEWSPULSE__Fetch__PerHostConcurrency"] = "8",
    };

    /// <summary>Counts rows; 0 while the nodes (which race to migrate the empty database) have not created the table yet.</summary>
    private async Task<int> CountAsync(string sql)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        try
        {
            return await connection.ExecuteScalarAsync<int>(sql);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0;
        }
    }

    /// <summary>Reads <paramref name="probe"/> until <paramref name="done"/> holds; fails with what it last saw after the deadline.</summary>
    private static async Task<T> WaitForAsync<T>(string what, Func<Task<T>> probe, Func<T, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            Assert.True(clock.Elapsed < Deadline, $"Timed out after {Deadline} waiting for {what}; last saw {value}.");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
