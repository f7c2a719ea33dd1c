namespace NewsPulse.QueryBench;

/// <summary>
/// SplitMix64 pseudo-random numbers. Every article, quote and person draws from its own stream keyed by its id, so
/// any row can be regenerated alone (an article's tags for the tag table, its language for its quotes) and the
/// corpus is the same on every runtime, which System.Random's seeded sequence does not promise.
/// </summary>
internal struct SplitMix
{
    private ulong _state;

    public SplitMix(ulong seed, long key, int stream)
    {
        // Hashed, not added: consecutive keys would otherwise start one step apart on the same sequence.
        _state = Mix(Mix(seed ^ (ulong)key) + ((ulong)stream * 0xD1B54A32D192ED03UL));
    }

    public ulong Next() => Mix(_state += 0x9E3779B97F4A7C15UL);

    /// <summary>A whole number from 0 to <paramref name="count"/> - 1.</summary>
    public int Below(int count) => (int)(((Next() >> 33) * (ulong)count) >> 31);

    /// <summary>A number from 0 (included) to 1 (excluded).</summary>
    public double Unit() => (Next() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => Unit() < probability;

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
