using System.Collections.Concurrent;
using System.Text;

namespace NewsPulse.Ingest.Fetching;

/// <summary>
/// robots.txt per host, fetched once and kept for a day. As RFC 9309 says: a missing file (4xx) allows
/// everything; a file that cannot be reached (5xx, network error) allows nothing for now, so pages wait.
/// </summary>
public sealed class RobotsCache(HttpFetcher fetcher, TimeProvider time)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromHours(24);
    private static readonly TimeSpan KeepFailureFor = TimeSpan.FromMinutes(10);
    private const long MaxRobotsBytes = 512 * 1024;

    private readonly ConcurrentDictionary<string, Lazy<Task<Entry>>> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public async Task<RobotsVerdict> CheckAsync(Uri page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var key = page.GetLeftPart(UriPartial.Authority);
        // One load per host however many pages ask at once; it is not tied to any one caller's cancellation.
        var entry = await _hosts.GetOrAdd(key, _ => new Lazy<Task<Entry>>(() => LoadAsync(key))).Value.WaitAsync(cancellationToken);
        if (entry.Expires <= time.GetUtcNow())
        {
            _hosts.TryRemove(key, out _);
            entry = await _hosts.GetOrAdd(key, _ => new Lazy<Task<Entry>>(() => LoadAsync(key))).Value.WaitAsync(cancellationToken);
        }

        if (entry.Refusal is { } refusal)
        {
            // The page itself would be refused for the same reason: fail it now with that reason, never wait.
            return new RobotsVerdict(false, refusal, false);
        }

        if (entry.Rules is null)
        {
            return new RobotsVerdict(false, $"robots.txt of {key} is unreachable ({entry.Failure}); the page waits until it can be read", true);
        }

        return entry.Rules.IsAllowed(page.PathAndQuery)
            ? RobotsVerdict.Allow
            : new RobotsVerdict(false, $"blocked by {key}/robots.txt", false);
    }

    private async Task<Entry> LoadAsync(string origin)
    {
        var now = time.GetUtcNow();
        try
        {
            var response = await fetcher.FetchTextAsync(new Uri(origin + "/robots.txt"), MaxRobotsBytes, CancellationToken.None);
            return new Entry(RobotsRules.Parse(Encoding.UTF8.GetString(response.Body), fetcher.ProductToken), null, now + KeepFor);
        }
        catch (FetchException ex) when (ex.StatusCode is >= 400 and < 500)
        {
            return new Entry(RobotsRules.AllowAll, null, now + KeepFor);
        }
        catch (FetchException ex) when (ex.Refused)
        {
            return new Entry(null, null, now + KeepFailureFor) { Refusal = ex.Message };
        }
        catch (FetchException ex)
        {
            return new Entry(null, ex.Message, now + KeepFailureFor);
        }
    }

    /// <summary>The host's rules; or why they could not be read; or why NewsPulse refuses the host altogether.</summary>
    private sealed record Entry(RobotsRules? Rules, string? Failure, DateTimeOffset Expires)
    {
        public string? Refusal { get; init; }
    }
}
