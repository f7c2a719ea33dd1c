using System.Globalization;

namespace NewsPulse.Storage.LocalPostgres;

/// <summary>Who we run as, and which unprivileged account owns the cluster when that is root.</summary>
internal static class UnixUser
{
    private const string PreferredServiceUser = "postgres";
    private const string FallbackServiceUser = "newspulse";

    public static bool IsRoot { get; } = EffectiveUserId() == 0;

    /// <summary>
    /// The account the cluster runs as when we are root: the distribution's <c>postgres</c> user, else a
    /// <c>newspulse</c> system user created on first use. Null when we are not root (run as ourselves).
    /// </summary>
    public static async Task<string?> ServiceUserAsync(CancellationToken cancellationToken)
    {
        if (!IsRoot)
        {
            return null;
        }

        foreach (var candidate in new[] { PreferredServiceUser, FallbackServiceUser })
        {
            if ((await ProcessRunner.RunAsync("id", ["-u", candidate], null, TimeSpan.FromSeconds(10), cancellationToken)).Succeeded)
            {
                return candidate;
            }
        }

        var created = await ProcessRunner.RunAsync(
            "useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", FallbackServiceUser], null, TimeSpan.FromSeconds(30), cancellationToken);
        return created.Succeeded
            ? FallbackServiceUser
            : throw new LocalPostgresException(
                $"PostgreSQL refuses to run as root and no 'postgres' user exists; creating the '{FallbackServiceUser}' user failed: {created.Output}");
    }

    public static async Task GiveAsync(string path, string user, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync("chown", [$"{user}:", path], null, TimeSpan.FromSeconds(30), cancellationToken);
        if (!result.Succeeded)
        {
            throw new LocalPostgresException($"cannot give {path} to the '{user}' user: {result.Output}");
        }
    }

    /// <summary>The effective uid, the second number of the Uid line in /proc/self/status (Linux); -1 elsewhere.</summary>
    private static int EffectiveUserId()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
            var fields = line?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return fields is { Length: > 2 } && int.TryParse(fields[2], CultureInfo.InvariantCulture, out var uid) ? uid : -1;
        }
        catch (IOException)
        {
            return -1;
        }
    }
}
