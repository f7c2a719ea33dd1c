using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using NewsPulse.Storage.LocalPostgres;
using Npgsql;

namespace NewsPulse.IntegrationTests;

/// <summary>The embedded cluster's life cycle, each test on a cluster of its own in a temporary folder.</summary>
public sealed class LocalPostgresClusterTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("np-cluster-").FullName;
    private LocalPostgresCluster _cluster = null!;

    public async Task InitializeAsync() =>
        _cluster = await LocalPostgresCluster.OpenAsync(_root, null, relocateIfUnreachable: false, NullLogger<LocalPostgresCluster>.Instance, CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _cluster.StopAsync(CancellationToken.None);
        NpgsqlConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Start_stop_and_restart_keep_the_data()
    {
        var connectionString = await _cluster.StartAsync(CancellationToken.None);
        await ExecuteAsync(connectionString, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here')");
        var running = await _cluster.StatusAsync(CancellationToken.None);

        Assert.True(await _cluster.StopAsync(CancellationToken.None));
        var stopped = await _cluster.StatusAsync(CancellationToken.None);
        Assert.False(await _cluster.StopAsync(CancellationToken.None));
        NpgsqlConnection.ClearAllPools();
        var restarted = await _cluster.StartAsync(CancellationToken.None);

        Assert.True(running.Running);
        Assert.NotNull(running.Port);
        Assert.False(stopped.Running);
        Assert.True(stopped.Initialized);
        Assert.Equal("still here", await ScalarAsync(restarted, "SELECT value FROM kept"));
        Assert.Equal(connectionString, restarted);
    }

    [Fact]
    public async Task Starting_twice_reuses_the_running_server()
    {
        var first = await _cluster.StartAsync(CancellationToken.None);
        var pid = (await _cluster.StatusAsync(CancellationToken.None)).ProcessId;

        var second = await _cluster.StartAsync(CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(pid, (await _cluster.StatusAsync(CancellationToken.None)).ProcessId);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_stale_pid_file_is_recovered(bool pidOfAnotherProgram)
    {
        await _cluster.StartAsync(CancellationToken.None);
        await _cluster.StopAsync(CancellationToken.None);
        // A crash leaves postmaster.pid behind; by the next start its pid is gone or belongs to another program.
        var stalePid = pidOfAnotherProgram ? Environment.ProcessId : 4_000_000;
        var pidFile = Path.Combine(_cluster.DataDirectory, "postmaster.pid");
        await File.WriteAllTextAsync(pidFile, $"{stalePid.ToString(CultureInfo.InvariantCulture)}\n{_cluster.DataDirectory}\n1700000000\n5432\n\n127.0.0.1\n  1234  5678\nready\n");

        Assert.False((await _cluster.StatusAsync(CancellationToken.None)).Running);
        NpgsqlConnection.ClearAllPools();
        var connectionString = await _cluster.StartAsync(CancellationToken.None);

        Assert.Equal("1", await ScalarAsync(connectionString, "SELECT 1::text"));
    }

    [Fact]
    public async Task A_killed_server_is_restarted_with_its_committed_data()
    {
        var connectionString = await _cluster.StartAsync(CancellationToken.None);
        await ExecuteAsync(connectionString, "CREATE TABLE survived (n int); INSERT INTO survived VALUES (42)");
        var pid = (await _cluster.StatusAsync(CancellationToken.None)).ProcessId!.Value;
        using (var postmaster = Process.GetProcessById(pid))
        {
            postmaster.Kill();
            await postmaster.WaitForExitAsync();
        }

        NpgsqlConnection.ClearAllPools();
        var restarted = await _cluster.StartAsync(CancellationToken.None);

        Assert.Equal("42", await ScalarAsync(restarted, "SELECT n::text FROM survived"));
    }

    [Fact]
    public async Task A_configured_folder_without_server_programs_is_a_clear_error()
    {
        var empty = Directory.CreateTempSubdirectory("np-nobin-").FullName;
        try
        {
            var error = await Assert.ThrowsAsync<LocalPostgresException>(() =>
                LocalPostgresCluster.OpenAsync(_root, empty, relocateIfUnreachable: false, NullLogger<LocalPostgresCluster>.Instance, CancellationToken.None));

            Assert.Contains("Database:PostgresBinDirectory", error.Message, StringComparison.Ordinal);
            Assert.Contains("initdb and pg_ctl are not there", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [Fact]
    public async Task A_folder_the_service_user_cannot_reach_is_relocated_or_explained()
    {
        // A root-only parent (like /root) hides the folder from the unprivileged user that runs PostgreSQL for root.
        var privateParent = Directory.CreateTempSubdirectory("np-private-").FullName;
        var requested = Path.Combine(privateParent, "pg");
        try
        {
            if (Environment.UserName != "root")
            {
                var own = await LocalPostgresCluster.OpenAsync(requested, null, relocateIfUnreachable: false, NullLogger<LocalPostgresCluster>.Instance, CancellationToken.None);
                Assert.Equal(requested, own.DataRoot);
                return;
            }

            var refused = await Assert.ThrowsAsync<LocalPostgresException>(() =>
                LocalPostgresCluster.OpenAsync(requested, null, relocateIfUnreachable: false, NullLogger<LocalPostgresCluster>.Instance, CancellationToken.None));
            var relocated = await LocalPostgresCluster.OpenAsync(requested, null, relocateIfUnreachable: true, NullLogger<LocalPostgresCluster>.Instance, CancellationToken.None);

            Assert.Contains("cannot reach", refused.Message, StringComparison.Ordinal);
            Assert.Contains("Database:LocalDataDirectory", refused.Message, StringComparison.Ordinal);
            Assert.StartsWith("/var/lib/newspulse/", relocated.DataRoot, StringComparison.Ordinal);
            Assert.Contains(relocated.DataRoot, await File.ReadAllTextAsync(Path.Combine(requested, "RELOCATED.txt")), StringComparison.Ordinal);
            Directory.Delete(relocated.DataRoot);
        }
        finally
        {
            Directory.Delete(privateParent, recursive: true);
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (string?)await command.ExecuteScalarAsync();
    }
}
