using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace NewsPulse.Storage.LocalPostgres;

/// <summary>
/// A private PostgreSQL cluster that NewsPulse creates and starts itself from the machine's server programs,
/// so nothing needs setting up by hand. Layout under the data root: <c>data/</c> (PGDATA), <c>cluster.json</c>
/// (port and generated password), <c>postgres.log</c>, and a lock file that serialises concurrent launchers.
/// </summary>
public sealed class LocalPostgresCluster(string dataRoot, string? binDirectory, ILogger<LocalPostgresCluster> logger)
{
    private const string DatabaseName = "newspulse";
    private const string SuperUser = "newspulse";
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(2);
    private static readonly JsonSerializerOptions StateJson = new() { WriteIndented = true };

    public string DataRoot { get; } = Path.GetFullPath(dataRoot);

    public string DataDirectory => Path.Combine(DataRoot, "data");

    public string LogFile => Path.Combine(DataRoot, "postgres.log");

    private string StateFile => Path.Combine(DataRoot, "cluster.json");

    private string PidFile => Path.Combine(DataDirectory, "postmaster.pid");

    /// <summary>Creates the cluster on first use, starts it when it is not running, and returns a connection string to its database.</summary>
    public async Task<string> StartAsync(CancellationToken cancellationToken)
    {
        using var guard = await LockAsync(cancellationToken);
        var binaries = PostgresBinaries.Locate(binDirectory);
        var serviceUser = await UnixUser.ServiceUserAsync(cancellationToken);
        var state = await InitializeIfNeededAsync(binaries, serviceUser, cancellationToken);

        var runningPort = await RunningPortAsync(binaries, serviceUser, cancellationToken);
        if (runningPort is { } port)
        {
            if (port != state.Port)
            {
                state = state with { Port = port };
                await SaveStateAsync(state, cancellationToken);
            }
        }
        else
        {
            state = await StartServerAsync(binaries, serviceUser, state, cancellationToken);
        }

        await EnsureDatabaseAsync(state, cancellationToken);
        return ConnectionString(state, state.Database);
    }

    /// <summary>Stops the cluster (fast shutdown: open sessions are rolled back, nothing committed is lost).</summary>
    public async Task<bool> StopAsync(CancellationToken cancellationToken)
    {
        using var guard = await LockAsync(cancellationToken);
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            return false;
        }

        var binaries = PostgresBinaries.Locate(binDirectory);
        var serviceUser = await UnixUser.ServiceUserAsync(cancellationToken);
        if (await RunningPortAsync(binaries, serviceUser, cancellationToken) is null)
        {
            return false;
        }

        var stop = await ProcessRunner.RunAsync(binaries.PgCtl, ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "-s"], serviceUser, ToolTimeout, cancellationToken);
        if (!stop.Succeeded)
        {
            throw new LocalPostgresException($"pg_ctl stop failed: {stop.Output}");
        }

        logger.LogInformation("Stopped the embedded PostgreSQL in {DataDirectory}", DataDirectory);
        return true;
    }

    public async Task<LocalPostgresStatus> StatusAsync(CancellationToken cancellationToken)
    {
        var initialized = File.Exists(Path.Combine(DataDirectory, "PG_VERSION"));
        if (!initialized)
        {
            return new LocalPostgresStatus(DataDirectory, false, false, null, null, null, null);
        }

        var binaries = PostgresBinaries.Locate(binDirectory);
        var serviceUser = await UnixUser.ServiceUserAsync(cancellationToken);
        var port = await RunningPortAsync(binaries, serviceUser, cancellationToken);
        var version = (await File.ReadAllTextAsync(Path.Combine(DataDirectory, "PG_VERSION"), cancellationToken)).Trim();
        return new LocalPostgresStatus(DataDirectory, true, port is not null, port, port is null ? null : ReadPidFile()?.Pid, version, serviceUser ?? Environment.UserName);
    }

    private async Task<ClusterState> InitializeIfNeededAsync(PostgresBinaries binaries, string? serviceUser, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(DataRoot);
        if (serviceUser is not null)
        {
            await UnixUser.GiveAsync(DataRoot, serviceUser, cancellationToken);
            var reachable = await ProcessRunner.RunAsync("test", ["-w", DataRoot, "-a", "-x", DataRoot], serviceUser, TimeSpan.FromSeconds(10), cancellationToken);
            if (!reachable.Succeeded)
            {
                throw new LocalPostgresException(
                    $"The embedded PostgreSQL runs as the '{serviceUser}' user (it refuses to run as root), but that user cannot reach {DataRoot}: " +
                    "a parent folder is not open to other users. Set Database:LocalDataDirectory (NEWSPULSE__Database__LocalDataDirectory) " +
                    "to a folder it can reach, such as /var/lib/newspulse, or point ConnectionStrings:NewsPulse at a server.");
            }
        }

        if (File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            return await LoadStateAsync(cancellationToken)
                ?? throw new LocalPostgresException(
                    $"{StateFile} is missing, so the password of the embedded database in {DataDirectory} is unknown. " +
                    $"Restore that file, or delete {DataRoot} to start over with an empty database.");
        }

        if (Directory.Exists(DataDirectory))
        {
            // No PG_VERSION means an initdb that never finished: nothing in it can be data worth keeping.
            logger.LogWarning("Removing the incomplete cluster left in {DataDirectory} by an interrupted set-up", DataDirectory);
            Directory.Delete(DataDirectory, recursive: true);
        }

        var state = new ClusterState(FreePort(), SuperUser, NewPassword(), DatabaseName);
        logger.LogInformation("Creating the embedded PostgreSQL cluster in {DataDirectory} with {InitDb}", DataDirectory, binaries.InitDb);
        var passwordFile = Path.Combine(DataRoot, ".initdb-password");
        await File.WriteAllTextAsync(passwordFile, state.Password, cancellationToken);
        try
        {
            if (serviceUser is not null)
            {
                await UnixUser.GiveAsync(passwordFile, serviceUser, cancellationToken);
            }

            var init = await RunInitDbAsync(binaries, serviceUser, passwordFile, "--locale=C.UTF-8", cancellationToken);
            if (!init.Succeeded && init.Output.Contains("locale", StringComparison.OrdinalIgnoreCase))
            {
                Directory.Delete(DataDirectory, recursive: true);
                init = await RunInitDbAsync(binaries, serviceUser, passwordFile, "--no-locale", cancellationToken);
            }

            if (!init.Succeeded)
            {
                throw new LocalPostgresException($"initdb failed: {init.Output}");
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }

        // TCP on loopback only; no Unix socket, so no dependency on /var/run/postgresql existing or being writable.
        await File.AppendAllTextAsync(
            Path.Combine(DataDirectory, "postgresql.conf"),
            "\n# Added by NewsPulse for its embedded cluster\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\nmax_connections = 200\n",
            cancellationToken);
        await SaveStateAsync(state, cancellationToken);
        return state;
    }

    private Task<ProcessRunner.Result> RunInitDbAsync(PostgresBinaries binaries, string? serviceUser, string passwordFile, string localeArgument, CancellationToken cancellationToken) =>
        ProcessRunner.RunAsync(
            binaries.InitDb,
            ["-D", DataDirectory, "-U", SuperUser, $"--pwfile={passwordFile}", "--auth=scram-sha-256", "--encoding=UTF8", localeArgument],
            serviceUser,
            ToolTimeout,
            cancellationToken);

    private async Task<ClusterState> StartServerAsync(PostgresBinaries binaries, string? serviceUser, ClusterState state, CancellationToken cancellationToken)
    {
        RemoveStalePidFile();
        if (!IsPortFree(state.Port))
        {
            var port = FreePort();
            logger.LogInformation("Port {OldPort} is taken; the embedded PostgreSQL moves to {NewPort}", state.Port, port);
            state = state with { Port = port };
            await SaveStateAsync(state, cancellationToken);
        }

        var start = await ProcessRunner.RunAsync(
            binaries.PgCtl,
            ["start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-s", "-o", $"-p {state.Port.ToString(CultureInfo.InvariantCulture)}"],
            serviceUser,
            ToolTimeout,
            cancellationToken);
        if (!start.Succeeded)
        {
            throw new LocalPostgresException($"the embedded PostgreSQL did not start: {start.Output}\nLast lines of {LogFile}:\n{LogTail()}");
        }

        logger.LogInformation("Started the embedded PostgreSQL on 127.0.0.1:{Port} ({DataDirectory})", state.Port, DataDirectory);
        return state;
    }

    private async Task<int?> RunningPortAsync(PostgresBinaries binaries, string? serviceUser, CancellationToken cancellationToken)
    {
        var pid = ReadPidFile();
        if (pid is null || !IsPostgresProcess(pid.Value.Pid))
        {
            return null;
        }

        var status = await ProcessRunner.RunAsync(binaries.PgCtl, ["status", "-D", DataDirectory], serviceUser, ToolTimeout, cancellationToken);
        return status.Succeeded ? pid.Value.Port : null;
    }

    /// <summary>
    /// A postmaster.pid left by a crash or a killed machine names a process that is gone, or by now some
    /// other program: postgres would then refuse to start, so such a file is removed.
    /// </summary>
    private void RemoveStalePidFile()
    {
        if (!File.Exists(PidFile))
        {
            return;
        }

        var pid = ReadPidFile();
        if (pid is null || !IsPostgresProcess(pid.Value.Pid))
        {
            logger.LogWarning("Removing the stale {PidFile} (process {Pid} is not a running postgres)", PidFile, pid?.Pid);
            File.Delete(PidFile);
        }
    }

    private (int Pid, int? Port)? ReadPidFile()
    {
        try
        {
            var lines = File.ReadAllLines(PidFile);
            if (lines.Length == 0 || !int.TryParse(lines[0].Trim(), CultureInfo.InvariantCulture, out var pid))
            {
                return null;
            }

            int? port = lines.Length > 3 && int.TryParse(lines[3].Trim(), CultureInfo.InvariantCulture, out var p) ? p : null;
            return (pid, port);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsPostgresProcess(int pid)
    {
        try
        {
            var command = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/comm").Trim();
            return command is "postgres" or "postmaster";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static async Task EnsureDatabaseAsync(ClusterState state, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(state, "postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.Add(new NpgsqlParameter { Value = state.Database });
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{state.Database}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static string ConnectionString(ClusterState state, string database) => new NpgsqlConnectionStringBuilder
    {
        Host = IPAddress.Loopback.ToString(),
        Port = state.Port,
        Username = state.User,
        Password = state.Password,
        Database = database,
    }.ConnectionString;

    private async Task<ClusterState?> LoadStateAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(StateFile))
        {
            return null;
        }

        await using var stream = File.OpenRead(StateFile);
        return await JsonSerializer.DeserializeAsync<ClusterState>(stream, StateJson, cancellationToken);
    }

    private async Task SaveStateAsync(ClusterState state, CancellationToken cancellationToken)
    {
        var temporary = StateFile + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // The file holds the database password: owner only.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(temporary, options))
        {
            await JsonSerializer.SerializeAsync(stream, state, StateJson, cancellationToken);
        }

        File.Move(temporary, StateFile, overwrite: true);
    }

    /// <summary>Several processes (tests, a CLI command beside a running server) may start the cluster at once; one at a time does.</summary>
    private async Task<FileStream> LockAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(DataRoot);
        var path = Path.Combine(DataRoot, ".launcher.lock");
        var deadline = Environment.TickCount64 + (long)TimeSpan.FromMinutes(3).TotalMilliseconds;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (Environment.TickCount64 < deadline)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private string LogTail()
    {
        try
        {
            return string.Join('\n', File.ReadLines(LogFile).TakeLast(15));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "(no log)";
        }
    }

    private static string NewPassword() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsPortFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
