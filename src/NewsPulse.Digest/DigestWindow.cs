namespace NewsPulse.Digest;

/// <summary>
/// The stories and quotes of one digest window, keyed once for all the subscribers who share it: each story's tag keys,
/// the keyed names of the people it quotes and the keyed words of its title and lead, each quote's keyed speaker, the
/// outlets of each story cluster, and indexes from tags, people, words, speakers and companies to the stories and
/// quotes that have them. Composing a digest then looks up what a subscriber follows instead of keying every story
/// again for every subscriber. Read-only once built, so one window may serve digests composed in parallel.
/// </summary>
public sealed class DigestWindow
{
    private const double CoverageWeight = 1.5;
    private const double FreshnessWeight = 0.5;

    private static readonly int[] None = [];

    // Tag keys compare as FollowSet's tag weights do (without case); people, speakers and words are keyed already.
    private readonly Dictionary<string, int[]> _storiesByTag;
    private readonly Dictionary<string, int[]> _storiesByPerson;
    private readonly Dictionary<string, int[]> _storiesByWord;
    private readonly Dictionary<string, int[]> _quotesBySpeaker;
    private readonly Dictionary<string, int[]> _quotesByCompany;
    private readonly Dictionary<string, int> _tagIds = new(StringComparer.OrdinalIgnoreCase);

    public DigestWindow(IReadOnlyList<DigestStory> stories, IReadOnlyList<DigestQuote> quotes)
    {
        ArgumentNullException.ThrowIfNull(stories);
        ArgumentNullException.ThrowIfNull(quotes);
        Stories = stories;
        Quotes = quotes;
        TagIds = new int[stories.Count][];
        PeopleKeys = new string[stories.Count][];
        TitleWords = new string[stories.Count][];
        LeadWords = new string[stories.Count][];
        var storiesByTag = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var storiesByPerson = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var storiesByWord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < stories.Count; i++)
        {
            var story = stories[i];
            var tagKeys = story.Tags.Select(t => TagKey(t.Kind, t.Value)).ToArray();
            TagIds[i] = [.. tagKeys.Select(k => _tagIds.TryGetValue(k, out var id) ? id : _tagIds[k] = _tagIds.Count)];
            PeopleKeys[i] = [.. story.PeopleQuoted.Select(TextKeys.Name)];
            TitleWords[i] = TextKeys.Of(story.Title);
            LeadWords[i] = TextKeys.Of(story.Lead);
            AddAll(storiesByTag, tagKeys, i);
            AddAll(storiesByPerson, PeopleKeys[i], i);
            AddAll(storiesByWord, TitleWords[i], i);
            AddAll(storiesByWord, LeadWords[i], i);
        }

        SpeakerKeys = new string[quotes.Count];
        QuoteLengths = new int[quotes.Count];
        var quotesBySpeaker = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var quotesByCompany = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < quotes.Count; i++)
        {
            SpeakerKeys[i] = TextKeys.Name(quotes[i].Speaker);
            QuoteLengths[i] = quotes[i].Text.Trim().Length;
            AddAll(quotesBySpeaker, [SpeakerKeys[i]], i);
            AddAll(quotesByCompany, quotes[i].Companies, i);
        }

        _storiesByTag = Freeze(storiesByTag);
        _storiesByPerson = Freeze(storiesByPerson);
        _storiesByWord = Freeze(storiesByWord);
        _quotesBySpeaker = Freeze(quotesBySpeaker);
        _quotesByCompany = Freeze(quotesByCompany);

        // Coverage counts every outlet of the cluster in the window, also those a subscriber filters out (another
        // language, no matching tag): they still say how widely the story was carried.
        var sourcesByCluster = stories
            .GroupBy(s => s.ClusterId)
            .ToDictionary(g => g.Key, g => g.Select(s => s.Source).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
        var newest = stories.Count > 0 ? stories.Max(s => s.FirstSeenAt) : default;
        OtherSources = new List<string>[stories.Count];
        Salience = new double[stories.Count];
        Freshness = new double[stories.Count];
        for (var i = 0; i < stories.Count; i++)
        {
            var story = stories[i];
            var others = sourcesByCluster[story.ClusterId].Where(s => !string.Equals(s, story.Source, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
            OtherSources[i] = others;
            Salience[i] = CoverageWeight * Math.Log2(2 + others.Count) + story.Tags.Select(t => Math.Clamp(t.Confidence, 0, 1)).DefaultIfEmpty(0).Max();
            var hoursOld = (newest - story.FirstSeenAt).TotalHours;
            Freshness[i] = FreshnessWeight * (1 - Math.Clamp(hoursOld / 24, 0, 1));
        }
    }

    public IReadOnlyList<DigestStory> Stories { get; }

    public IReadOnlyList<DigestQuote> Quotes { get; }

    /// <summary>Per story: the other outlets of its cluster in the window, as its entry lists them (shared, never changed).</summary>
    internal List<string>[] OtherSources { get; }

    /// <summary>Per story: how widely it was carried (1.5 × log2(1 + outlets)) plus its highest tag confidence.</summary>
    internal double[] Salience { get; }

    /// <summary>Per story: up to 0.5 for the window's newest story, nothing for one a day older.</summary>
    internal double[] Freshness { get; }

    /// <summary>Per story, in its tags' order: a number for each tag's <see cref="TagKey"/> (see <see cref="TagId"/>), cheaper to look up than the key.</summary>
    internal int[][] TagIds { get; }

    /// <summary>Per story, in order: the keyed name of each person it quotes.</summary>
    internal string[][] PeopleKeys { get; }

    internal string[][] TitleWords { get; }

    internal string[][] LeadWords { get; }

    /// <summary>Per quote: its speaker's keyed name.</summary>
    internal string[] SpeakerKeys { get; }

    /// <summary>Per quote: the length of its text without surrounding spaces (0 for an empty quote).</summary>
    internal int[] QuoteLengths { get; }

    /// <summary>The key a follow and a tag of that kind and value share.</summary>
    internal static string TagKey(string kind, string value) => kind + ":" + value.Trim();

    /// <summary>The number the window's tags of this key carry in <see cref="TagIds"/>, or -1 when no story has such a tag.</summary>
    internal int TagId(string tagKey) => _tagIds.GetValueOrDefault(tagKey, -1);

    /// <summary>Stories with a tag of this key, in window order.</summary>
    internal int[] StoriesTagged(string tagKey) => Lookup(_storiesByTag, tagKey);

    /// <summary>Stories quoting the person of this keyed name, in window order.</summary>
    internal int[] StoriesQuoting(string nameKey) => Lookup(_storiesByPerson, nameKey);

    /// <summary>Stories whose title or lead holds this keyed word, in window order.</summary>
    internal int[] StoriesWithWord(string word) => Lookup(_storiesByWord, word);

    /// <summary>Quotes said by the person of this keyed name, in window order.</summary>
    internal int[] QuotesBy(string nameKey) => Lookup(_quotesBySpeaker, nameKey);

    /// <summary>Quotes from stories tagged with this company, in window order.</summary>
    internal int[] QuotesAbout(string company) => Lookup(_quotesByCompany, company);

    /// <summary>Which of <paramref name="count"/> items any of these index lists holds.</summary>
    internal static bool[] Marks(int count, IEnumerable<int[]> lists)
    {
        var marked = new bool[count];
        foreach (var list in lists)
        {
            foreach (var item in list)
            {
                marked[item] = true;
            }
        }

        return marked;
    }

    /// <summary>The items of any of these index lists, each once, in ascending order.</summary>
    internal static List<int> Union(int count, IEnumerable<int[]> lists)
    {
        var marked = Marks(count, lists);
        var union = new List<int>();
        for (var i = 0; i < count; i++)
        {
            if (marked[i])
            {
                union.Add(i);
            }
        }

        return union;
    }

    private static int[] Lookup(Dictionary<string, int[]> index, string key) => index.TryGetValue(key, out var found) ? found : None;

    private static Dictionary<string, int[]> Freeze(Dictionary<string, List<int>> index) => index.ToDictionary(e => e.Key, e => e.Value.ToArray(), (StringComparer)index.Comparer);

    /// <summary>Adds item <paramref name="index"/> under each key once, so every list stays in ascending order without repeats.</summary>
    private static void AddAll(Dictionary<string, List<int>> index, IEnumerable<string> keys, int item)
    {
        foreach (var key in keys)
        {
            if (!index.TryGetValue(key, out var items))
            {
                index[key] = items = [];
            }

            if (items.Count == 0 || items[^1] != item)
            {
                items.Add(item);
            }
        }
    }
}
