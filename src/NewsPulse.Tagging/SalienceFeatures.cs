namespace NewsPulse.Tagging;

/// <summary>
/// Turns the gazetteer hits of a story into one feature vector per company or country found: how often and
/// where it is named (title, lead, dateline, closing line, parentheses), in what form (name, demonym, capital,
/// product...), in what case, how ambiguous the name is, and the words around it, hashed. Pure.
/// </summary>
public static class SalienceFeatures
{
    /// <summary>Slots for the hashed context words; a power of two.</summary>
    private const int ContextSlots = 1024;

    private const int LeadLength = 400;

    private const int ClosingLineLength = 200;

    private enum Slot
    {
        LogMentions,
        MentionShare,
        FirstPosition,
        InTitle,
        InLead,
        InDateline,
        OnlyInDateline,
        InClosingLine,
        InParentheses,
        Capitalised,
        AllCaps,
        AtSentenceStart,
        CaseSensitiveName,
        Acronym,
        LogDistinctSurfaces,
        LogEntitiesOfKind,
        French,
        CountryName,
        Demonym,
        Capital,
        SeatOfPower,
        City,
        Region,
        CompanyName,
        Product,
        Context,
    }

    /// <summary>Length of every feature vector.</summary>
    public static int Count => (int)Slot.Context + ContextSlots;

    /// <summary>One candidate per company and per country the gazetteer finds in the title or text, in order of first mention.</summary>
    public static List<EntityCandidate> Candidates(Gazetteer gazetteer, string title, string text, string? language)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        var titleTokens = MentionTokenizer.Tokenize(title ?? "");
        var textTokens = MentionTokenizer.Tokenize(text ?? "");
        var mentions = new List<Mention>();
        mentions.AddRange(gazetteer.Find(titleTokens).Select(hit => new Mention(hit, titleTokens, title ?? "", InTitle: true)));
        mentions.AddRange(gazetteer.Find(textTokens).Select(hit => new Mention(hit, textTokens, text ?? "", InTitle: false)));

        var layout = new StoryLayout(text ?? "");
        var groups = mentions.GroupBy(m => (Kind: KindOf(m.Hit.Name.Kind), m.Hit.Name.Id)).ToList();
        var perKind = groups.GroupBy(g => g.Key.Kind).ToDictionary(g => g.Key, g => (Entities: g.Count(), Mentions: g.Sum(e => e.Count())));
        var french = string.Equals(language, "fr", StringComparison.OrdinalIgnoreCase);

        return [.. groups.Select(group =>
        {
            var (entities, kindMentions) = perKind[group.Key.Kind];
            return new EntityCandidate(group.Key.Kind, group.Key.Id, Vector([.. group], layout, entities, kindMentions, french));
        })];
    }

    private static TagKind KindOf(MentionKind kind) => kind is MentionKind.CompanyName or MentionKind.Product ? TagKind.Company : TagKind.Country;

    private static float[] Vector(List<Mention> mentions, StoryLayout layout, int entitiesOfKind, int mentionsOfKind, bool french)
    {
        var v = new float[Count];
        var n = mentions.Count;
        float share = 1f / n;
        v[(int)Slot.LogMentions] = MathF.Log(1 + n);
        v[(int)Slot.MentionShare] = (float)n / mentionsOfKind;
        v[(int)Slot.LogDistinctSurfaces] = MathF.Log(mentions.Select(m => m.Hit.Name.Surface).Distinct(StringComparer.Ordinal).Count());
        v[(int)Slot.LogEntitiesOfKind] = MathF.Log(entitiesOfKind);
        v[(int)Slot.French] = french ? 1 : 0;
        v[(int)Slot.FirstPosition] = 1;
        var inDateline = 0;
        foreach (var mention in mentions)
        {
            var hit = mention.Hit;
            var surface = mention.Source[hit.Start..hit.End];
            if (mention.InTitle)
            {
                v[(int)Slot.InTitle] = 1;
                v[(int)Slot.FirstPosition] = 0;
            }
            else
            {
                v[(int)Slot.FirstPosition] = Math.Min(v[(int)Slot.FirstPosition], layout.RelativePosition(hit.Start));
                if (hit.Start < LeadLength)
                {
                    v[(int)Slot.InLead] = 1;
                }

                if (layout.InDateline(hit.End))
                {
                    v[(int)Slot.InDateline] = 1;
                    inDateline++;
                }

                if (layout.InClosingLine(hit.Start))
                {
                    v[(int)Slot.InClosingLine] += share;
                }
            }

            if (InParentheses(mention.Source, hit.Start, hit.End))
            {
                v[(int)Slot.InParentheses] += share;
            }

            if (char.IsUpper(surface[0]))
            {
                v[(int)Slot.Capitalised] += share;
            }

            if (surface.Length > 1 && surface.Where(char.IsLetter).All(char.IsUpper))
            {
                v[(int)Slot.AllCaps] += share;
            }

            if (AtSentenceStart(mention.Source, hit.Start))
            {
                v[(int)Slot.AtSentenceStart] += share;
            }

            if (hit.Name.CaseSensitive)
            {
                v[(int)Slot.CaseSensitiveName] += share;
            }

            if (hit.Name.IsAcronym)
            {
                v[(int)Slot.Acronym] += share;
            }

            // The kind slots follow MentionKind's order, from CountryName to Product.
            v[(int)Slot.CountryName + (int)hit.Name.Kind] += share;
            AddContext(v, mention, share);
        }

        v[(int)Slot.OnlyInDateline] = inDateline == n ? 1 : 0;
        return v;
    }

    /// <summary>The two words either side of the mention, and the mention itself, each with the sort of name it is.</summary>
    private static void AddContext(float[] v, Mention mention, float share)
    {
        var tokens = mention.Tokens;
        var hit = mention.Hit;
        var kind = KindNames[(int)hit.Name.Kind];
        AddHashed(v, share, "w:", hit.Name.Key);
        AddHashed(v, share, "p1:", Key(tokens, hit.FirstToken - 1), kind);
        AddHashed(v, share, "p2:", Key(tokens, hit.FirstToken - 2));
        AddHashed(v, share, "n1:", Key(tokens, hit.EndToken), kind);
        AddHashed(v, share, "n2:", Key(tokens, hit.EndToken + 1));
    }

    private static readonly string[] KindNames = [.. Enum.GetNames<MentionKind>().Select(name => "|" + name)];

    private static string Key(IReadOnlyList<MentionToken> tokens, int index) => index >= 0 && index < tokens.Count ? tokens[index].Key : "<edge>";

    /// <summary>Adds <paramref name="weight"/> to the slot of the feature spelt by the concatenated parts (hashed, nothing allocated).</summary>
    private static void AddHashed(float[] v, float weight, string prefix, string value, string suffix = "")
    {
        var hash = Fnv1a(Fnv1a(Fnv1a(FnvOffset, prefix), value), suffix);
        v[(int)Slot.Context + (int)(hash & (ContextSlots - 1))] += weight;
    }

    private const uint FnvOffset = 2166136261u;

    /// <summary>A hash that is the same in every process (string.GetHashCode is not), so saved models keep their meaning.</summary>
    private static uint Fnv1a(uint hash, string s)
    {
        foreach (var c in s)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    private static bool InParentheses(string source, int start, int end) =>
        PreviousNonSpace(source, start) == '(' && NextNonSpace(source, end) == ')';

    private static bool AtSentenceStart(string source, int start) =>
        PreviousNonSpace(source, start) is '\0' or '.' or '!' or '?' or '\n' or '"' or '«' or '“' or ':';

    private static char PreviousNonSpace(string source, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (source[i] == '\n')
            {
                return '\n';
            }

            if (!char.IsWhiteSpace(source[i]))
            {
                return source[i];
            }
        }

        return '\0';
    }

    private static char NextNonSpace(string source, int index)
    {
        for (var i = index; i < source.Length; i++)
        {
            if (!char.IsWhiteSpace(source[i]))
            {
                return source[i];
            }
        }

        return '\0';
    }

    private sealed record Mention(GazetteerHit Hit, IReadOnlyList<MentionToken> Tokens, string Source, bool InTitle);

    /// <summary>Where a story's dateline ends and its closing line starts.</summary>
    private sealed class StoryLayout
    {
        private static readonly string[] DatelineEnds = [" - ", " – ", " — ", " -- "];

        private readonly int _length;
        private readonly int _datelineEnd;
        private readonly int _closingLineStart;

        public StoryLayout(string text)
        {
            _length = Math.Max(1, text.Length);
            var head = text[..Math.Min(text.Length, 80)];
            _datelineEnd = DatelineEnds.Select(mark => head.IndexOf(mark, StringComparison.Ordinal)).Where(i => i > 0 && head[..i].IndexOf(". ", StringComparison.Ordinal) < 0).DefaultIfEmpty(0).Min();
            var lastBreak = text.TrimEnd().LastIndexOf('\n');
            _closingLineStart = lastBreak > 0 && text.Length - lastBreak <= ClosingLineLength ? lastBreak : int.MaxValue;
        }

        public float RelativePosition(int offset) => (float)offset / _length;

        public bool InDateline(int end) => end <= _datelineEnd;

        public bool InClosingLine(int start) => start >= _closingLineStart;
    }
}
