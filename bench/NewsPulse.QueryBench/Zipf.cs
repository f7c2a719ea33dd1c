namespace NewsPulse.QueryBench;

/// <summary>Ranks 0..count-1 drawn with probability proportional to 1 / (rank + 1)^exponent: a few values dominate, most are rare.</summary>
internal sealed class Zipf
{
    private readonly double[] _cumulative;

    public Zipf(int count, double exponent)
    {
        _cumulative = new double[count];
        var total = 0.0;
        for (var rank = 0; rank < count; rank++)
        {
            total += 1 / Math.Pow(rank + 1, exponent);
            _cumulative[rank] = total;
        }

        for (var rank = 0; rank < count; rank++)
        {
            _cumulative[rank] /= total;
        }
    }

    public int Sample(ref SplitMix random)
    {
        var index = Array.BinarySearch(_cumulative, random.Unit());
        return Math.Min(index >= 0 ? index : ~index, _cumulative.Length - 1);
    }
}
