using System.Diagnostics;
using System.Text.Json;

namespace NewsPulse.QueryBench;

/// <summary>Response-time percentiles (nearest rank, milliseconds) and throughput of the successful requests of one run, and how many failed.</summary>
internal sealed record Latency(double P50, double P95, double P99, double PerSecond, int Requests, int Failed)
{
    /// <summary>
    /// <paramref name="requests"/> GETs by <paramref name="clients"/> concurrent clients, each taking the next URL of the
    /// rotation, so that no single cached answer is measured; every response is read whole. No request
    /// starts after <paramref name="budget"/>, so that a slow query is measured on fewer requests rather than for an hour.
    /// </summary>
    public static async Task<Latency> MeasureAsync(HttpClient http, IReadOnlyList<string> urls, int clients, int requests, TimeSpan budget)
    {
        var times = new double[requests];
        var next = -1;
        var failed = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < requests && clock.Elapsed < budget; i = Interlocked.Increment(ref next))
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(urls[i % urls.Count]);
                await response.Content.ReadAsByteArrayAsync();
                if (response.IsSuccessStatusCode)
                {
                    times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }));
        var wall = clock.Elapsed.TotalSeconds;
        var done = times.Where(t => t > 0).Order().ToArray();
        return new Latency(Percentile(done, 0.50), Percentile(done, 0.95), Percentile(done, 0.99), done.Length / wall, done.Length, failed);
    }

    /// <summary>Requests the first URLs of the rotation once (the warm-up) and returns the mean number of rows answered: articles, quotes or CSV records.</summary>
    public static async Task<double> MeanRowsAsync(HttpClient http, IReadOnlyList<string> urls, int count)
    {
        var rows = 0L;
        foreach (var url in urls.Take(count))
        {
            using var response = await http.GetAsync(url);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadAsStringAsync();
            if (response.Content.Headers.ContentType?.MediaType == "text/csv")
            {
                rows += body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1;
                continue;
            }

            using var json = JsonDocument.Parse(body);
            rows += json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement.GetArrayLength() : json.RootElement.GetProperty("articles").GetArrayLength();
        }

        return rows / (double)Math.Min(count, urls.Count);
    }

    private static double Percentile(double[] sorted, double fraction) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Length) - 1)];
}
