namespace NewsPulse.DigestBench;

/// <summary>Draws ranks 0..n-1 with probability proportional to 1/(rank+1)^s: news mentions a few names a lot and most rarely.</summary>
internal sealed class Zipf
{
    private readonly double[] _cumulative;

    public Zipf(int n, double s = 1.0)
    {
        _cumulative = new double[n];
        var total = 0.0;
        for (var rank = 0; rank < n; rank++)
        {
            total += 1 / Math.Pow(rank + 1, s);
            _cumulative[rank] = total;
        }
    }

    public int Next(Random random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble() * _cumulative[^1]);
        return Math.Min(index < 0 ? ~index : index, _cumulative.Length - 1);
    }

    /// <summary>Up to <paramref name="count"/> distinct items, the common ones more often.</summary>
    public List<T> Distinct<T>(Random random, IReadOnlyList<T> items, int count)
    {
        var picked = new List<T>(count);
        for (var tries = 0; picked.Count < count && tries < count * 20; tries++)
        {
            var item = items[Next(random)];
            if (!picked.Contains(item))
            {
                picked.Add(item);
            }
        }

        return picked;
    }
}
