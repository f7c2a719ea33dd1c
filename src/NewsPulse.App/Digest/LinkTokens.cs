using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NewsPulse.App.Hosting;

namespace NewsPulse.App.Digest;

/// <summary>What a signed link lets its holder do.</summary>
public enum LinkPurpose
{
    Confirm,
    Manage,
    Unsubscribe,
}

/// <summary>A link token that checked out: whose it is and which of their token versions signed it.</summary>
public sealed record LinkToken(long SubscriberId, int TokenVersion);

/// <summary>
/// Signed links for emails: <c>base64url(purpose.subscriber.version.expiry)</c> "." <c>base64url(HMAC-SHA256)</c>
/// under <c>Digest:TokenSecret</c>. Nothing is stored: the signature proves the link was made here, the expiry ends
/// a confirmation link, and the subscriber's token version (raised to revoke) ends every link at once.
/// </summary>
public sealed class LinkTokens
{
    private const string SecretFileName = "digest-token-secret";

    private readonly byte[] _key;
    private readonly TimeProvider _time;

    public LinkTokens(IOptions<DigestOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _key = options.Value.TokenSecret is { Length: > 0 } secret ? Encoding.UTF8.GetBytes(secret) : GeneratedSecret();
        _time = time;
    }

    public string Create(LinkPurpose purpose, long subscriberId, int tokenVersion, TimeSpan? lifetime = null)
    {
        var expires = lifetime is { } span ? (_time.GetUtcNow() + span).ToUnixTimeSeconds() : 0;
        var payload = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{(int)purpose}.{subscriberId}.{tokenVersion}.{expires}"));
        return $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(HMACSHA256.HashData(_key, payload))}";
    }

    /// <summary>The token's subscriber when the token is genuine, for this purpose and not expired; else null.</summary>
    public LinkToken? Read(LinkPurpose purpose, string? token)
    {
        var parts = (token ?? "").Split('.');
        if (parts.Length != 2 || !TryDecode(parts[0], out var payload) || !TryDecode(parts[1], out var signature)
            || !CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(_key, payload)))
        {
            return null;
        }

        var fields = Encoding.ASCII.GetString(payload).Split('.');
        return fields.Length == 4
            && int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var given) && given == (int)purpose
            && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var subscriber)
            && int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            && long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            && (expires == 0 || _time.GetUtcNow().ToUnixTimeSeconds() <= expires)
                ? new LinkToken(subscriber, version)
                : null;
    }

    private static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        if (!Base64Url.IsValid(text) || !Base64Url.TryDecodeFromChars(text, bytes, out var written))
        {
            return false;
        }

        bytes = bytes[..written];
        return true;
    }

    /// <summary>
    /// With no secret configured (the embedded demo), one is made once and kept beside the embedded database, so
    /// links already sent stay valid across restarts.
    /// </summary>
    private static byte[] GeneratedSecret()
    {
        var path = Path.Combine(ProjectPaths.StateDirectory, SecretFileName);
        if (File.Exists(path))
        {
            return File.ReadAllBytes(path);
        }

        // Written whole under another name, then renamed: a process starting at the same moment reads either no
        // file or the complete one, and the first rename wins.
        Directory.CreateDirectory(ProjectPaths.StateDirectory);
        var draft = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllBytes(draft, Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(48))));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(draft, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            File.Move(draft, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(draft);
        }

        return File.ReadAllBytes(path);
    }
}
