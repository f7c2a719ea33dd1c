using System.Diagnostics;
using System.Text.Json;

namespace NewsPulse.QueryBench;

/// <summary>Response-time percentiles (nearest rank, milliseconds) and throughput of one run.</summary>
internal sealed record Latency(double P50, double P95, double P99, double PerSecond)
{
    /// <summary>
    /// <paramref name="requests"/> GETs by <paramref name="clients"/> concurrent clients, each taking the next URL of the
    /// rotation, so that no single cached answer is measured; every response is read whole and must succeed.
    /// </summary>
    public static async Task<Latency> MeasureAsync(HttpClient http, IReadOnlyList<string> urls, int clients, int requests)
    {
        var times = new double[requests];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < requests; i = Interlocked.Increment(ref next))
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(urls[i % urls.Count]);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
                times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        var wall = clock.Elapsed.TotalSeconds;
        Array.Sort(times);
        return new Latency(Percentile(times, 0.50), Percentile(times, 0.95), Percentile(times, 0.99), requests / wall);
    }

    /// <summary>Requests every URL once (the warm-up) and returns the mean number of rows answered: articles, quotes or CSV records.</summary>
    public static async Task<double> MeanRowsAsync(HttpClient http, IReadOnlyList<string> urls)
    {
        var rows = 0L;
        foreach (var url in urls)
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

        return rows / (double)urls.Count;
    }

    private static double Percentile(double[] sorted, double fraction) => sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Length) - 1)];
}
