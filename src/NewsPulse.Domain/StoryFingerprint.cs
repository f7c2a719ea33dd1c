using System.Globalization;
using System.Text;

namespace NewsPulse.Domain;

/// <summary>
/// A compact fingerprint of an article's text for near-duplicate detection: a MinHash signature over word
/// 3-shingles, plus the number of distinct shingles. Two fingerprints estimate how much of the shorter text the
/// longer one contains (the overlap coefficient), which stays high for syndicated copies, light rewrites,
/// truncated teasers and updated versions, and low for different stories on the same topic.
/// </summary>
public sealed class StoryFingerprint
{
    public const int SignatureLength = 128;
    private const int ShingleWords = 3;

    // Fixed, so fingerprints computed today compare with those stored last year.
    private static readonly (ulong A, ulong B)[] Permutations = CreatePermutations(SignatureLength, seed: 0x4E5057);

    /// <summary>Signature rows per locality-sensitive-hashing band: 32 bands of 4 rows.</summary>
    public const int RowsPerBand = 4;

    private StoryFingerprint(ulong[] signature, int shingleCount)
    {
        Signature = signature;
        ShingleCount = shingleCount;
    }

    public IReadOnlyList<ulong> Signature { get; }

    public int ShingleCount { get; }

    public static StoryFingerprint Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Words(text);
        var shingles = new HashSet<ulong>();
        for (var i = 0; i + ShingleWords <= words.Count; i++)
        {
            shingles.Add(Hash64($"{words[i]} {words[i + 1]} {words[i + 2]}"));
        }

        if (shingles.Count == 0 && words.Count > 0)
        {
            shingles.Add(Hash64(string.Join(' ', words)));
        }

        var signature = new ulong[SignatureLength];
        Array.Fill(signature, ulong.MaxValue);
        foreach (var shingle in shingles)
        {
            for (var p = 0; p < SignatureLength; p++)
            {
                var value = (Permutations[p].A * shingle) + Permutations[p].B;
                if (value < signature[p])
                {
                    signature[p] = value;
                }
            }
        }

        return new StoryFingerprint(signature, shingles.Count);
    }

    /// <summary>A fingerprint read back from storage.</summary>
    public static StoryFingerprint FromStored(IReadOnlyList<ulong> signature, int shingleCount)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return signature.Count == SignatureLength
            ? new StoryFingerprint([.. signature], shingleCount)
            : throw new ArgumentException($"A signature has {SignatureLength} values, not {signature.Count}.", nameof(signature));
    }

    /// <summary>
    /// One hash per band of <see cref="RowsPerBand"/> signature values. Texts sharing any band hash are candidates
    /// worth comparing; with 32 bands of 4, pairs with Jaccard 0.5 share a band 87% of the time, pairs at 0.1 almost never.
    /// </summary>
    public IReadOnlyList<long> BandHashes()
    {
        var bands = new long[SignatureLength / RowsPerBand];
        for (var band = 0; band < bands.Length; band++)
        {
            var hash = 14695981039346656037UL;
            for (var row = 0; row < RowsPerBand; row++)
            {
                hash = (hash ^ Signature[(band * RowsPerBand) + row]) * 1099511628211UL;
            }

            bands[band] = unchecked((long)hash);
        }

        return bands;
    }

    /// <summary>Estimated Jaccard similarity of the two shingle sets.</summary>
    public double Jaccard(StoryFingerprint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ShingleCount == 0 || other.ShingleCount == 0)
        {
            return 0;
        }

        var same = 0;
        for (var p = 0; p < SignatureLength; p++)
        {
            same += Signature[p] == other.Signature[p] ? 1 : 0;
        }

        return (double)same / SignatureLength;
    }

    /// <summary>Estimated share of the smaller text's shingles found in the other text (0..1).</summary>
    public double Overlap(StoryFingerprint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var jaccard = Jaccard(other);
        if (jaccard == 0)
        {
            return 0;
        }

        // |A∩B| = J(|A|+|B|)/(1+J)
        var intersection = jaccard * (ShingleCount + other.ShingleCount) / (1 + jaccard);
        return Math.Min(1, intersection / Math.Min(ShingleCount, other.ShingleCount));
    }

    /// <summary>Lower-cased words of letters and digits; apostrophes inside words (l'Inde, don't) split them.</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    /// <summary>FNV-1a 64 over UTF-8: stable across processes and platforms, unlike string.GetHashCode.</summary>
    private static ulong Hash64(string value)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        // A final mix spreads FNV's weak low bits before the permutations multiply them.
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        return hash;
    }

    private static (ulong, ulong)[] CreatePermutations(int count, int seed)
    {
        var random = new Random(seed);
        var permutations = new (ulong, ulong)[count];
        for (var i = 0; i < count; i++)
        {
            // Odd multipliers make each map a bijection on 64-bit values.
            permutations[i] = (((ulong)random.NextInt64() << 1) | 1, (ulong)random.NextInt64());
        }

        return permutations;
    }
}
