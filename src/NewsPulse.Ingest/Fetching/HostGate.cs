using System.Collections.Concurrent;

namespace NewsPulse.Ingest.Fetching;

/// <summary>
/// Politeness per host: at most <c>PerHostConcurrency</c> requests in flight to one host, and request starts at
/// least <c>PerHostDelayMs</c> apart. Hosts are independent, so a slow site never holds up the others.
/// </summary>
public sealed class HostGate(int concurrency, TimeSpan minimumDelay, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, HostSlot> _hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits for a turn at the URL's host; dispose the result when the request is over.</summary>
    public async Task<IDisposable> EnterAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var slot = _hosts.GetOrAdd(url.IdnHost + ":" + url.Port, _ => new HostSlot(concurrency));
        await slot.Requests.WaitAsync(cancellationToken);
        try
        {
            TimeSpan wait;
            lock (slot)
            {
                var now = time.GetUtcNow();
                var start = slot.NextStart > now ? slot.NextStart : now;
                slot.NextStart = start + minimumDelay;
                wait = start - now;
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }

            return new Turn(slot);
        }
        catch
        {
            slot.Requests.Release();
            throw;
        }
    }

    private sealed class HostSlot(int concurrency)
    {
        public SemaphoreSlim Requests { get; } = new(concurrency, concurrency);

        public DateTimeOffset NextStart { get; set; } = DateTimeOffset.MinValue;
    }

    private sealed class Turn(HostSlot slot) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slot.Requests.Release();
            }
        }
    }
}
