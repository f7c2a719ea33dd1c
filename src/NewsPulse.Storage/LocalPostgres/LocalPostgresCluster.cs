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
public sealed class LocalPostgresCluster
{
    private const string DatabaseName = "newspulse";
    private const string SuperUser = "newspulse";
    private const string RelocationParent = "/var/lib/newspulse";
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(2);
    private static readonly JsonSerializerOptions StateJson = new() { WriteIndented = true };

    private readonly PostgresBinaries _binaries;
    private readonly string? _serviceUser;
    private readonly ILogger<LocalPostgresCluster> _logger;

    private LocalPostgresCluster(string dataRoot, PostgresBinaries binaries, string? serviceUser, ILogger<LocalPostgresCluster> logger)
    {
        DataRoot = dataRoot;
        _binaries = binaries;
        _serviceUser = serviceUser;
        _logger = logger;
    }

    /// <summary>The folder actually used: the requested one, or its relocation (see <see cref="OpenAsync"/>).</summary>
    public string DataRoot { get; }

    public string DataDirectory => Path.Combine(DataRoot, "data");

    public string LogFile => Path.Combine(DataRoot, "postgres.log");

    private string StateFile => Path.Combine(DataRoot, "cluster.json");

    private string PidFile => Path.Combine(DataDirectory, "postmaster.pid");

    /// <summary>
    /// Finds the server programs and the account to run them as. As root, the cluster belongs to an unprivileged
    /// user, who must be able to reach <paramref name="dataRoot"/>; when it cannot (a checkout under /root, say)
    /// and <paramref name="relocateIfUnreachable"/> is set, the cluster lives under /var/lib/newspulse instead,
    /// in a folder named after the requested path so each checkout keeps its own.
    /// </summary>
    public static async Task<LocalPostgresCluster> OpenAsync(
        string dataRoot, string? binDirectory, bool relocateIfUnreachable, ILogger<LocalPostgresCluster> logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(logger);
        var binaries = PostgresBinaries.Locate(binDirectory);
        var serviceUser = await UnixUser.ServiceUserAsync(cancellationToken);
        var root = Path.GetFullPath(dataRoot);
        if (serviceUser is null || await IsReachableAsync(root, serviceUser, cancellationToken))
        {
            return new LocalPostgresCluster(root, binaries, serviceUser, logger);
        }

        if (!relocateIfUnreachable)
        {
            throw new LocalPostgresException(
                $"The embedded PostgreSQL runs as the '{serviceUser}' user (it refuses to run as root), but that user cannot reach {root}: " +
                "a parent folder is not open to other users. Set Database:LocalDataDirectory (NEWSPULSE__Database__LocalDataDirectory) " +
                "to a folder it can reach, such as /var/lib/newspulse, or point ConnectionStrings:NewsPulse at a server.");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(root)))[..16];
        var relocated = Path.Combine(RelocationParent, hash);
        if (!await IsReachableAsync(relocated, serviceUser, cancellationToken))
        {
            throw new LocalPostgresException($"Neither {root} nor {relocated} can be reached by the '{serviceUser}' user that runs the embedded PostgreSQL.");
        }

        await File.WriteAllTextAsync(
            Path.Combine(root, "RELOCATED.txt"),
            $"The '{serviceUser}' user cannot reach this folder, so the embedded PostgreSQL lives in {relocated}.\n",
            cancellationToken);
        logger.LogWarning("{Requested} is not reachable by the '{User}' user; the embedded PostgreSQL lives in {Relocated}", root, serviceUser, relocated);
        return new LocalPostgresCluster(relocated, binaries, serviceUser, logger);
    }

    /// <summary>Creates the folder if need be, gives it to the service user, and checks that user can write in it.</summary>
    private static async Task<bool> IsReachableAsync(string folder, string serviceUser, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        await UnixUser.GiveAsync(folder, serviceUser, cancellationToken);
        var probe = await ProcessRunner.RunAsync("test", ["-w", folder, "-a", "-x", folder], serviceUser, TimeSpan.FromSeconds(10), cancellationToken);
        return probe.Succeeded;
    }

    /// <summary>Creates the cluster on first use, starts it when it is not running, and returns a connection string to its database.</summary>
    public async Task<string> StartAsync(CancellationToken cancellationToken)
    {
        using var guard = await LockAsync(cancellationToken);
        var state = await InitializeIfNeededAsync(cancellationToken);
        var settingsChanged = await WriteSettingsAsync(cancellationToken);
        if (await RunningPortAsync(cancellationToken) is { } port)
        {
            if (settingsChanged)
            {
                await ReloadAsync(cancellationToken);
            }

            if (port != state.Port)
            {
                state = state with { Port = port };
                await SaveStateAsync(state, cancellationToken);
            }
        }
        else
        {
            state = await StartServerAsync(state, cancellationToken);
        }

        await EnsureDatabaseAsync(state, cancellationToken);
        return ConnectionString(state, state.Database);
    }

    /// <summary>Stops the cluster (fast shutdown: open sessions are rolled back, nothing committed is lost).</summary>
    public async Task<bool> StopAsync(CancellationToken cancellationToken)
    {
        using var guard = await LockAsync(cancellationToken);
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")) || await RunningPortAsync(cancellationToken) is null)
        {
            return false;
        }

        var stop = await ProcessRunner.RunAsync(_binaries.PgCtl, ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "-s"], _serviceUser, ToolTimeout, cancellationToken);
        if (!stop.Succeeded)
        {
            throw new LocalPostgresException($"pg_ctl stop failed: {stop.Output}");
        }

        _logger.LogInformation("Stopped the embedded PostgreSQL in {DataDirectory}", DataDirectory);
        return true;
    }

    public async Task<LocalPostgresStatus> StatusAsync(CancellationToken cancellationToken)
    {
        var versionFile = Path.Combine(DataDirectory, "PG_VERSION");
        if (!File.Exists(versionFile))
        {
            return new LocalPostgresStatus(DataDirectory, false, false, null, null, null, _serviceUser);
        }

        var port = await RunningPortAsync(cancellationToken);
        var version = (await File.ReadAllTextAsync(versionFile, cancellationToken)).Trim();
        return new LocalPostgresStatus(DataDirectory, true, port is not null, port, port is null ? null : ReadPidFile()?.Pid, version, _serviceUser ?? Environment.UserName);
    }

    private async Task<ClusterState> InitializeIfNeededAsync(CancellationToken cancellationToken)
    {
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
            _logger.LogWarning("Removing the incomplete cluster left in {DataDirectory} by an interrupted set-up", DataDirectory);
            Directory.Delete(DataDirectory, recursive: true);
        }

        var state = new ClusterState(FreePort(), SuperUser, NewPassword(), DatabaseName);
        _logger.LogInformation("Creating the embedded PostgreSQL cluster in {DataDirectory} with {InitDb}", DataDirectory, _binaries.InitDb);
        var passwordFile = Path.Combine(DataRoot, ".initdb-password");
        await File.WriteAllTextAsync(passwordFile, state.Password, cancellationToken);
        try
        {
            if (_serviceUser is not null)
            {
                await UnixUser.GiveAsync(passwordFile, _serviceUser, cancellationToken);
            }

            var init = await RunInitDbAsync(passwordFile, "--locale=C.UTF-8", cancellationToken);
            if (!init.Succeeded && init.Output.Contains("locale", StringComparison.OrdinalIgnoreCase))
            {
                Directory.Delete(DataDirectory, recursive: true);
                init = await RunInitDbAsync(passwordFile, "--no-locale", cancellationToken);
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

    /// <summary>
    /// Writes <see cref="ServerSettings.FileName"/> and makes postgresql.conf include it, on clusters created by
    /// older versions too; true when the file's content changed.
    /// </summary>
    private async Task<bool> WriteSettingsAsync(CancellationToken cancellationToken)
    {
        var configuration = Path.Combine(DataDirectory, "postgresql.conf");
        if (!(await File.ReadAllLinesAsync(configuration, cancellationToken)).Any(l => l.Trim() == ServerSettings.IncludeLine))
        {
            await File.AppendAllTextAsync(configuration, $"\n# NewsPulse's server settings (memory, planner costs), rewritten at every start\n{ServerSettings.IncludeLine}\n", cancellationToken);
        }

        var path = Path.Combine(DataDirectory, ServerSettings.FileName);
        var content = ServerSettings.Render(ServerSettings.TotalMemory());
        if (File.Exists(path) && await File.ReadAllTextAsync(path, cancellationToken) == content)
        {
            return false;
        }

        await File.WriteAllTextAsync(path, content, cancellationToken);
        if (_serviceUser is not null)
        {
            await UnixUser.GiveAsync(path, _serviceUser, cancellationToken);
        }

        return true;
    }

    /// <summary>A running server reads changed settings on reload; shared_buffers waits for its next restart.</summary>
    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var reload = await ProcessRunner.RunAsync(_binaries.PgCtl, ["reload", "-D", DataDirectory, "-s"], _serviceUser, ToolTimeout, cancellationToken);
        if (!reload.Succeeded)
        {
            throw new LocalPostgresException($"pg_ctl reload failed: {reload.Output}");
        }

        _logger.LogInformation("The embedded PostgreSQL reloaded NewsPulse's server settings; shared_buffers changes at its next restart");
    }

    private Task<ProcessRunner.Result> RunInitDbAsync(string passwordFile, string localeArgument, CancellationToken cancellationToken) =>
        ProcessRunner.RunAsync(
            _binaries.InitDb,
            ["-D", DataDirectory, "-U", SuperUser, $"--pwfile={passwordFile}", "--auth=scram-sha-256", "--encoding=UTF8", localeArgument],
            _serviceUser,
            ToolTimeout,
            cancellationToken);

    private async Task<ClusterState> StartServerAsync(ClusterState state, CancellationToken cancellationToken)
    {
        RemoveStalePidFile();
        if (!IsPortFree(state.Port))
        {
            var port = FreePort();
            _logger.LogInformation("Port {OldPort} is taken; the embedded PostgreSQL moves to {NewPort}", state.Port, port);
            state = state with { Port = port };
            await SaveStateAsync(state, cancellationToken);
        }

        var start = await ProcessRunner.RunAsync(
            _binaries.PgCtl,
            ["start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-s", "-o", $"-p {state.Port.ToString(CultureInfo.InvariantCulture)}"],
            _serviceUser,
            ToolTimeout,
            cancellationToken);
        if (!start.Succeeded)
        {
            throw new LocalPostgresException($"the embedded PostgreSQL did not start: {start.Output}\nLast lines of {LogFile}:\n{LogTail()}");
        }

        _logger.LogInformation("Started the embedded PostgreSQL on 127.0.0.1:{Port} ({DataDirectory})", state.Port, DataDirectory);
        return state;
    }

    private async Task<int?> RunningPortAsync(CancellationToken cancellationToken)
    {
        var pid = ReadPidFile();
        if (pid is null || !IsPostgresProcess(pid.Value.Pid))
        {
            return null;
        }

        var status = await ProcessRunner.RunAsync(_binaries.PgCtl, ["status", "-D", DataDirectory], _serviceUser, ToolTimeout, cancellationToken);
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
            _logger.LogWarning("Removing the stale {PidFile} (process {Pid} is not a running postgres)", PidFile, pid?.Pid);
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
        // Unpooled: a pooled connection could belong to a previous run of this server and be dead.
        await using var connection = new NpgsqlConnection(ConnectionString(state, "postgres") + ";Pooling=false");
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
