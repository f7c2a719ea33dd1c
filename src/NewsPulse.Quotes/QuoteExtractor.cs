using NewsPulse.Tagging;

namespace NewsPulse.Quotes;

/// <summary>
/// Finds the quotes of an article and who said them, in English and French: direct quotes between marks,
/// attributed by the reporting clause after them ("Q," said X / « Q », estime-t-il / "Q," X, analyst at Y, said)
/// or before them (X said: "Q" / X prévient que « Q » / selon X, « Q »); indirect speech ("X said that ...",
/// "according to X, ...", "selon X, ...", "X estime que ..."). Surnames and pronouns resolve to the full name
/// the article introduced; "the company" to the last company named. A quote with no speaker of its own continues
/// the previous speaker only right after that speaker's quote. Short quotes without a speaker (scare quotes,
/// titles, slogans) are not quotes. Pure and thread-safe.
/// </summary>
public sealed class QuoteExtractor(Gazetteer gazetteer)
{
    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase) { "he", "she", "il", "elle", "lui", "him", "her" };

    /// <summary>Nouns for a person's role that stand for the last person named ("the executive said", "le dirigeant a qualifié").</summary>
    private static readonly HashSet<string> RoleNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "executive", "chief", "analyst", "minister", "official", "spokesman", "spokeswoman", "spokesperson", "founder", "economist", "strategist", "director", "president",
        "dirigeant", "dirigeante", "patron", "patronne", "pdg", "analyste", "ministre", "responsable", "porte", "fondateur", "fondatrice", "économiste", "stratège",
        "directeur", "directrice", "président", "présidente", "élu", "élue", "chercheur", "chercheuse",
    };

    private static readonly HashSet<string> NeverSpeakers = new(StringComparer.OrdinalIgnoreCase) { "i", "we", "je", "nous", "on", "you", "vous", "they", "ils", "elles", "it" };

    private static readonly HashSet<string> OrganisationNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "company", "group", "firm", "ministry", "government", "bank", "agency", "regulator", "department", "commission", "startup", "start", "maker", "operator",
        "société", "groupe", "ministère", "gouvernement", "banque", "agence", "régulateur", "entreprise", "commission", "opérateur", "constructeur", "fabricant",
    };

    private static readonly HashSet<string> Auxiliaries = new(StringComparer.OrdinalIgnoreCase)
    {
        "has", "had", "have", "will", "would", "also", "later", "then", "further", "a", "avait", "ont", "aussi", "encore", "ensuite", "also", "again", "once",
    };

    /// <summary>Groups that speak without being anyone in particular.</summary>
    private static readonly HashSet<string> GroupNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "analysts", "officials", "executives", "investors", "experts", "critics", "observers", "economists", "traders", "sources", "people", "researchers",
        "analystes", "responsables", "dirigeants", "investisseurs", "experts", "observateurs", "économistes", "sources", "chercheurs", "syndicats", "unions",
    };

    private static readonly HashSet<string> Articles = new(StringComparer.OrdinalIgnoreCase) { "the", "le", "la", "l", "its", "son", "sa" };

    /// <summary>Words between a reporting verb and the quote it introduces ("told reporters that", "a déclaré aux journalistes que").</summary>
    private static readonly HashSet<string> Bridge = new(StringComparer.OrdinalIgnoreCase)
    {
        "that", "que", "qu", "reporters", "journalists", "analysts", "investors", "aux", "journalistes", "analystes", "investisseurs", "me", "us", "him", "her",
        "in", "a", "an", "statement", "interview", "note", "to", "clients", "dans", "un", "une", "communiqué", "entretien", "note", "la", "presse", "press",
    };

    public QuoteExtractor()
        : this(Gazetteer.BuiltIn)
    {
    }

    public List<ExtractedQuote> Extract(string text, string? language)
    {
        ArgumentNullException.ThrowIfNull(text);
        var article = new Article(text, gazetteer);
        var spans = QuoteMarks.Find(text);
        var quotes = new List<ExtractedQuote>();
        Attribution? previous = null;
        var previousParagraph = -1;
        for (var k = 0; k < spans.Count; k++)
        {
            var span = spans[k];
            var paragraph = article.ParagraphOf(span.Open);
            var (paragraphStart, paragraphEnd) = article.Paragraph(paragraph);
            var left = Math.Max(paragraphStart, k > 0 ? spans[k - 1].Close + 1 : 0);
            var right = Math.Min(article.Paragraph(article.ParagraphOf(span.Close)).End, k + 1 < spans.Count ? spans[k + 1].Open : text.Length);
            var wordCount = Words.Split(text, span.Start, span.End).Count(w => w.IsWord);

            var attribution = After(article, span.Close + 1, right) ?? Before(article, left, span.Open, wordCount);
            var confidence = 0.9;
            if (attribution is null)
            {
                // Only a quote that follows its speaker's quote, in the same paragraph or opening the next one, carries on their words.
                var opensParagraph = string.IsNullOrWhiteSpace(text[paragraphStart..span.Open]);
                if (previous is null || wordCount < 4 || !(paragraph == previousParagraph || (paragraph == previousParagraph + 1 && opensParagraph)))
                {
                    continue;
                }

                attribution = previous with { Mention = null };
                confidence = 0.6;
            }
            else if (wordCount <= 3 && attribution.Verb is null)
            {
                continue;
            }

            quotes.Add(Quote(text, span.Start, span.End, attribution, QuoteKind.Direct, confidence));
            previous = attribution;
            previousParagraph = article.ParagraphOf(span.Close);
        }

        quotes.AddRange(Indirect(article, [.. quotes]));
        return [.. quotes.OrderBy(q => q.Start)];
    }

    private static ExtractedQuote Quote(string text, int start, int end, Attribution attribution, QuoteKind kind, double confidence) =>
        new(text[start..end], start, end, attribution.Speaker.Name, attribution.Mention, attribution.Speaker.Title, attribution.Speaker.Organisation, attribution.Verb, kind, confidence,
            attribution.Speaker.IsPerson);

    private sealed record Attribution(Speaker Speaker, string? Mention, string? Verb);

    /// <summary>The reporting clause right after a quote: "said X", "X said", "X, title at Y, said", "dit-il", "a-t-elle ajouté", "estime Wang".</summary>
    private static Attribution? After(Article article, int from, int to)
    {
        var words = Words.Split(article.Text, from, to);
        var i = 0;
        while (i < words.Count && !words[i].IsWord && words[i].Text is "," or "." or "—" or "–" or "!" or "?" or ";")
        {
            i++;
        }

        if (i >= words.Count || i > 2)
        {
            return null;
        }

        // Verb first: "said Wang", "estime Wang", "dit-il", "ajoute-t-elle", "a-t-elle ajouté", "a déclaré Wang".
        var verbAt = i;
        var isAuxiliary = words[i].Lower is "a" or "avait" or "ont";
        if (isAuxiliary && i + 1 < words.Count && words[i + 1].Lower == "t" && i + 3 < words.Count && Pronouns.Contains(words[i + 2].Text) && ReportingVerbs.Lemma(words[i + 3].Text) is { } inverted)
        {
            return article.Pronoun(words[i + 2], inverted, words[i].Start);
        }

        if (isAuxiliary && i + 1 < words.Count && ReportingVerbs.Lemma(words[i + 1].Text) is not null)
        {
            verbAt = i + 1;
        }

        if (ReportingVerbs.Lemma(words[verbAt].Text) is { } lemma && words[verbAt].Start - (verbAt > 0 ? words[verbAt - 1].End : from) <= 3)
        {
            var next = verbAt + 1;
            if (next < words.Count && words[next].Lower == "t")
            {
                next++;
            }

            if (next < words.Count && Pronouns.Contains(words[next].Text))
            {
                return article.Pronoun(words[next], lemma, words[next].Start);
            }

            return article.SubjectFrom(words, next) is { } postposed ? postposed with { Verb = lemma } : null;
        }

        // Any verb, then a person ("», calcule Matthieu Cabrol", "», relativise-t-il", "," countered Anna Berg): the
        // inversion after a quote is itself the sign of a reporting clause.
        if (i + 1 < words.Count && words[i].IsWord && !words[i].IsCapitalised && i > 0 && words[i - 1].Text == ",")
        {
            var next = i + 1;
            if (words[next].Lower == "t" && next + 1 < words.Count)
            {
                next++;
            }

            if (Pronouns.Contains(words[next].Text) && words[next].Start - words[i].End <= 3)
            {
                return article.Pronoun(words[next], words[i].Lower, words[next].Start);
            }

            if (article.PersonNamedAt(words, next) is { } named)
            {
                return named with { Verb = words[i].Lower };
            }
        }

        // Subject first: "Wang said", "he added", "the company said", "X, research director at Y, said", "il a ajouté".
        if (article.SubjectFrom(words, i) is not { } subject)
        {
            return null;
        }

        var j = article.SubjectEnd;
        if (j < words.Count && words[j].Text == ",")
        {
            // Skip an apposition up to its closing comma.
            var close = j + 1;
            while (close < words.Count && close - j < 20 && words[close].Text is not ("," or "."))
            {
                close++;
            }

            j = close < words.Count && words[close].Text == "," ? close + 1 : j;
        }

        while (j < words.Count && Auxiliaries.Contains(words[j].Text))
        {
            j++;
        }

        return j < words.Count && ReportingVerbs.Lemma(words[j].Text) is { } verb ? subject with { Verb = verb } : null;
    }

    /// <summary>
    /// The reporting clause before a quote: "X said:", "X warned that", "X prévient que", "selon X,", "according to X,";
    /// for a short partial quote, a speaker and reporting verb anywhere earlier in the sentence.
    /// </summary>
    private static Attribution? Before(Article article, int from, int to, int quoteWords)
    {
        var sentenceStart = article.SentenceStart(from, to);
        var words = Words.Split(article.Text, sentenceStart, to);
        if (words.Count == 0)
        {
            return null;
        }

        // "X relativise :", "She put it bluntly:" : a clause ending in a colon introduces the quote, whatever its verb.
        if (words[^1].Text == ":" && words.Count >= 3)
        {
            var start = words.FindIndex(w => w.Text == ",") is var comma and > 0 && comma < 6 && article.SubjectFrom(words, 0) is null ? comma + 1 : 0;
            if (article.SubjectFrom(words, start) is { } introducer)
            {
                var verb = words[^2].IsWord ? ReportingVerbs.Lemma(words[^2].Text) ?? words[^2].Lower : null;
                return introducer with { Verb = verb };
            }
        }

        for (var v = words.Count - 1; v >= 0; v--)
        {
            if (article.AccordingTo(words, v) is { } according)
            {
                return according;
            }

            if (ReportingVerbs.Lemma(words[v].Text) is not { } lemma)
            {
                continue;
            }

            var between = words.Skip(v + 1).Where(w => w.IsWord).ToList();
            var adjacent = between.Count <= 4 && between.All(w => Bridge.Contains(w.Text) || w.IsCapitalised);
            if (!adjacent && quoteWords > 12)
            {
                continue;
            }

            var s = v - 1;
            while (s >= 0 && Auxiliaries.Contains(words[s].Text))
            {
                s--;
            }

            if (s >= 0 && article.SubjectEndingAt(words, s, to) is { } subject)
            {
                return subject with { Verb = lemma };
            }
        }

        return null;
    }

    /// <summary>Indirect speech in sentences without a direct quote.</summary>
    private static IEnumerable<ExtractedQuote> Indirect(Article article, List<ExtractedQuote> direct)
    {
        foreach (var (start, end) in article.Sentences())
        {
            // A sentence holding a direct quote is reported by it; marks around a word or two (scare quotes) do not count.
            if (direct.Any(q => q.Start < end && q.End > start))
            {
                continue;
            }

            var words = Words.Split(article.Text, start, end);
            if (words.Count < 5)
            {
                continue;
            }

            if (IndirectIn(article, words) is { } found)
            {
                var (clauseStart, clauseEnd) = TrimClause(article.Text, found.Start, found.End);
                if (Words.Split(article.Text, clauseStart, clauseEnd).Count(w => w.IsWord) >= 3)
                {
                    yield return Quote(article.Text, clauseStart, clauseEnd, found.Attribution, QuoteKind.Indirect, 0.7);
                }
            }
        }
    }

    private static (Attribution Attribution, int Start, int End)? IndirectIn(Article article, List<Word> words)
    {
        var last = words[^1].IsWord ? words[^1].End : words[^1].Start;

        // "According to X, CLAUSE." / "Selon X, CLAUSE."
        if (article.AccordingTo(words, 0) is { } leading && article.SubjectEnd < words.Count && words[article.SubjectEnd].Text == ",")
        {
            // "Selon Marc Delorme, gérant chez Oddo BHF, ce pari..." : the description between the commas is not said.
            var clauseFrom = article.SubjectEnd;
            var next = words.FindIndex(clauseFrom + 1, w => w.Text == ",");
            if (next > 0 && next - clauseFrom <= 10 && !words[clauseFrom + 1].IsCapitalised
                && words.Skip(clauseFrom + 1).Take(next - clauseFrom - 1).Any(w => w.Lower is "at" or "of" or "chez" or "de" or "du" or "à" or "au"))
            {
                clauseFrom = next;
            }

            return (leading, words[clauseFrom].End, last);
        }

        for (var i = 1; i < words.Count - 1; i++)
        {
            // "CLAUSE, according to X." / "CLAUSE, selon X."
            if (words[i - 1].Text == "," && article.AccordingTo(words, i) is { } trailing && article.SubjectEnd >= words.Count - 1)
            {
                return (trailing, words[0].Start, words[i - 1].Start);
            }
        }

        // "X (has) said (that) CLAUSE" / "X estime que CLAUSE", the speaker opening the sentence or the clause of the
        // verb: "after the government said its review...", "X, which ..., said in a statement that", "X cut its forecast
        // and said fares...".
        var subjectStart = words[0].Lower is "but" or "mais" or "however" or "yet" or "still" or "cependant" or "pourtant" ? 1 : 0;
        if (subjectStart < words.Count && words[subjectStart].Text == ",")
        {
            subjectStart++;
        }

        // A leading phrase ("Dans un communiqué, Mistral AI a précisé que", "On Tuesday, the company said that").
        var leadingComma = words.FindIndex(subjectStart, Math.Min(6, words.Count - subjectStart), w => w.Text == ",");
        if (leadingComma > 0 && article.SubjectFrom(words, subjectStart) is null)
        {
            subjectStart = leadingComma + 1;
        }

        var opening = article.SubjectFrom(words, subjectStart);
        for (var v = subjectStart + 1; v < words.Count - 2; v++)
        {
            if (ReportingVerbs.Lemma(words[v].Text) is not { } verb || verb is "call" or "describe" or "qualifier" or "décrire" or "ask" or "interroger")
            {
                continue;
            }

            if (ClauseAfter(words, v, verb) is not { } clauseStart)
            {
                continue;
            }

            var s = v - 1;
            while (s > subjectStart && Auxiliaries.Contains(words[s].Text))
            {
                s--;
            }

            Attribution? speaker = null;
            if (words[s].Lower is "and" or "et" || (words[s].Text == "," && s > subjectStart))
            {
                // The sentence's subject, across a coordination or a description between commas.
                speaker = opening;
            }
            else if (s >= subjectStart)
            {
                speaker = article.SubjectEndingAt(words, s, words[s].Start);
            }

            if (speaker is not null)
            {
                return (speaker with { Verb = verb }, clauseStart, last);
            }
        }

        // "CLAUSE, X said." / "CLAUSE, said X." / "CLAUSE, estime X."
        for (var comma = words.Count - 2; comma >= 3; comma--)
        {
            if (words[comma].Text != ",")
            {
                continue;
            }

            var tail = words.Skip(comma + 1).Where(w => w.IsWord).ToList();
            if (tail.Count is < 2 or > 8 || words.Skip(comma + 1).Any(w => w.Text == ","))
            {
                break;
            }

            if (After(article, words[comma].End, words[^1].End) is { Verb: not null } attribution)
            {
                return (attribution, words[0].Start, words[comma].Start);
            }

            break;
        }

        return null;
    }

    /// <summary>
    /// Where the reported clause after the verb at <paramref name="v"/> starts: after "that"/"que" (a few words such as
    /// "on Friday" or "in a statement" may come first); for "say", also straight after the verb and such words when
    /// a clause follows ("said it expected", "said fares were"). Null when nothing is reported there.
    /// </summary>
    private static int? ClauseAfter(List<Word> words, int v, string verb)
    {
        var c = v + 1;
        while (c < words.Count && c - v <= 5 && words[c].IsWord && words[c].Lower is not ("that" or "que" or "qu"))
        {
            c++;
        }

        if (c < words.Count && words[c].Lower is "that" or "que" or "qu")
        {
            return words[c].End;
        }

        if (verb != "say")
        {
            return null;
        }

        c = v + 1;
        while (c < words.Count && words[c].Lower is "on" or "in" or "a" or "an" or "the" or "statement" or "interview" or "note" or "monday" or "tuesday" or "wednesday"
            or "thursday" or "friday" or "saturday" or "sunday" or "yesterday" or "today" or "earlier" or "later" or "last" or "week" or "month" or "year")
        {
            c++;
        }

        return c < words.Count - 2 && words[c].IsWord && (!words[c].IsCapitalised || words[c].Text is "I") && words[c].Lower is not ("to" or "so" or "yes" or "no" or "nothing" or "little")
            ? words[c].Start
            : null;
    }

    private static (int Start, int End) TrimClause(string text, int start, int end)
    {
        while (start < end && (QuoteMarks.IsSpace(text[start]) || text[start] is ',' or ':' or '\'' or '’'))
        {
            start++;
        }

        while (end > start && (QuoteMarks.IsSpace(text[end - 1]) || text[end - 1] is '.' or ',' or ';' or ':'))
        {
            end--;
        }

        return (start, end);
    }

    /// <summary>One article's text, paragraphs, people and companies, and the speaker a pronoun points back to.</summary>
    private sealed class Article
    {
        private readonly List<(int Start, int End)> _paragraphs = [];
        private readonly ArticlePeople _people;
        private readonly List<(int Position, string Name)> _companies;
        private readonly HashSet<string> _lowerCaseWords;
        private Speaker? _lastPerson;
        private int _lastPersonAt = -1;

        public Article(string text, Gazetteer gazetteer)
        {
            Text = text;
            var start = 0;
            for (var i = 0; i <= text.Length; i++)
            {
                if (i == text.Length || text[i] == '\n')
                {
                    _paragraphs.Add((start, i));
                    start = i + 1;
                }
            }

            _people = new ArticlePeople(text, gazetteer);
            _lowerCaseWords = [.. Words.Split(text, 0, text.Length).Where(w => w.IsWord && char.IsLower(w.Text[0])).Select(w => w.Text)];
            _companies = [.. gazetteer.Find(text).Where(h => h.Name.Kind is MentionKind.CompanyName).Select(h => (h.Start, h.Name.Id))];
        }

        public string Text { get; }

        /// <summary>Where the last subject read by <see cref="SubjectFrom"/> or <see cref="AccordingTo"/> ended (a word index).</summary>
        public int SubjectEnd { get; private set; }

        public int ParagraphOf(int position) => _paragraphs.FindIndex(p => position >= p.Start && position <= p.End);

        public (int Start, int End) Paragraph(int index) => _paragraphs[index];

        /// <summary>Where the sentence holding <paramref name="to"/> starts, not before <paramref name="from"/>.</summary>
        public int SentenceStart(int from, int to)
        {
            for (var i = to - 1; i > from; i--)
            {
                if (Text[i - 1] is '.' or '!' or '?' && QuoteMarks.IsSpace(Text[i]) && i + 1 < Text.Length && char.IsUpper(NextLetter(i)) && !AfterInitial(i - 1))
                {
                    return i;
                }
            }

            return from;
        }

        /// <summary>The full stop at <paramref name="dot"/> ends an initial or a title ("C.D. Howe", "J. Smith", "Dr. Lee"), not a sentence.</summary>
        private bool AfterInitial(int dot)
        {
            var start = dot;
            while (start > 0 && char.IsLetter(Text[start - 1]))
            {
                start--;
            }

            var word = Text[start..dot];
            return (word.Length == 1 && char.IsUpper(word[0])) || word is "Mr" or "Mrs" or "Ms" or "Dr" or "St" or "Prof" or "Gen" or "Sen" or "Rep" or "M" or "Mme" or "Jr";
        }

        private char NextLetter(int i)
        {
            while (i < Text.Length && !char.IsLetter(Text[i]))
            {
                i++;
            }

            return i < Text.Length ? Text[i] : 'a';
        }

        public IEnumerable<(int Start, int End)> Sentences()
        {
            foreach (var (start, end) in _paragraphs)
            {
                var sentenceStart = start;
                for (var i = start; i < end; i++)
                {
                    if (Text[i] is '.' or '!' or '?' && (i + 1 == end || (QuoteMarks.IsSpace(Text[i + 1]) && char.IsUpper(NextLetter(i + 1)) && !AfterInitial(i))))
                    {
                        yield return (sentenceStart, i + 1);
                        sentenceStart = i + 1;
                    }
                }

                if (end - sentenceStart > 1)
                {
                    yield return (sentenceStart, end);
                }
            }
        }

        /// <summary>A pronoun subject: the last person quoted or named in full before it.</summary>
        public Attribution? Pronoun(Word pronoun, string verb, int position)
        {
            // The later of the last person quoted and the last person named in full.
            var named = _people.LastPersonBefore(position, out var namedAt);
            var person = named is not null && (_lastPerson is null || namedAt > _lastPersonAt) ? named : _lastPerson;
            return person is null ? null : new Attribution(person, pronoun.Text, verb);
        }

        /// <summary>"according to X" / "selon X" / "d'après X" starting at word <paramref name="i"/>.</summary>
        public Attribution? AccordingTo(List<Word> words, int i)
        {
            int subject;
            string verb;
            if (words[i].Lower == "according" && i + 1 < words.Count && words[i + 1].Lower == "to")
            {
                (subject, verb) = (i + 2, "according to");
            }
            else if (words[i].Lower == "selon")
            {
                (subject, verb) = (i + 1, "selon");
            }
            else if (words[i].Lower == "après" && i > 0 && words[i - 1].Lower == "d")
            {
                (subject, verb) = (i + 1, "d'après");
            }
            else
            {
                return null;
            }

            return SubjectFrom(words, subject) is { } found ? found with { Verb = verb } : null;
        }

        /// <summary>A speaker starting at word <paramref name="i"/>: a full name, a surname, a pronoun, a company, "the company".</summary>
        public Attribution? SubjectFrom(List<Word> words, int i)
        {
            if (i >= words.Count || !words[i].IsWord || NeverSpeakers.Contains(words[i].Text))
            {
                return null;
            }

            if (Pronouns.Contains(words[i].Text))
            {
                SubjectEnd = i + 1;
                return Pronoun(words[i], verb: "", words[i].Start) is { } pronoun ? pronoun with { Verb = null } : null;
            }

            if (Articles.Contains(words[i].Text) && i + 1 < words.Count && RoleNouns.Contains(words[i + 1].Text)
                && (i + 2 >= words.Count || !words[i + 2].IsCapitalised))
            {
                SubjectEnd = i + 2;
                return Pronoun(words[i + 1], verb: "", words[i].Start) is { } role ? role with { Verb = null, Mention = Text[words[i].Start..words[i + 1].End] } : null;
            }

            if (Articles.Contains(words[i].Text) && i + 1 < words.Count && OrganisationNouns.Contains(words[i + 1].Text))
            {
                SubjectEnd = i + 2;
                var company = _companies.LastOrDefault(c => c.Position < words[i].Start).Name;
                return new Attribution(new Speaker(company ?? Text[words[i].Start..words[i + 1].End], IsPerson: false, null, null), Text[words[i].Start..words[i + 1].End], null);
            }

            if (_people.ReadName(words, i, out var end) is { } full)
            {
                SubjectEnd = end;
                return Named(full, full, words[i].Start);
            }

            // A word in capitals longer than an acronym is a dateline ("DUBLIN —"), not a speaker.
            if (words[i].IsCapitalised && words[i].Text.Length > 1 && ReportingVerbs.Lemma(words[i].Text) is null && !IsCommonWord(words[i].Text) && !ArticlePeople.IsNotName(words[i].Text)
                && !(words[i].Text.Length > 4 && words[i].Text.All(char.IsUpper)))
            {
                // A surname, a company or an organisation in one or a few capitalised words.
                var j = i + 1;
                while (j < words.Count && j - i < 7 && words[j].Start - words[j - 1].End <= 1
                    && (words[j].IsCapitalised || (words[j].Lower is "and" or "of" or "for" or "de" or "du" or "des" && j + 1 < words.Count && words[j + 1].IsCapitalised)))
                {
                    j++;
                }

                SubjectEnd = j;
                var name = Text[words[i].Start..words[j - 1].End];
                return Named(name, name, words[i].Start);
            }

            return null;
        }

        /// <summary>
        /// A capitalised word the article also writes in lower case ("Analysts said" beside "analysts"), or a group
        /// noun: a sentence-initial common word, not a name.
        /// </summary>
        private bool IsCommonWord(string word) =>
            GroupNouns.Contains(word) || _lowerCaseWords.Contains(word.ToLowerInvariant());

        /// <summary>A person named in full at word <paramref name="i"/> (not a surname, a company or a group).</summary>
        public Attribution? PersonNamedAt(List<Word> words, int i)
        {
            if (_people.ReadName(words, i, out var end) is not { } full)
            {
                return null;
            }

            SubjectEnd = end;
            return Named(full, full, words[i].Start);
        }

        /// <summary>A speaker ending at word <paramref name="last"/>: walks back over a name, or takes a pronoun or "the company".</summary>
        public Attribution? SubjectEndingAt(List<Word> words, int last, int position)
        {
            if (Pronouns.Contains(words[last].Text))
            {
                return Pronoun(words[last], verb: "", position) is { } pronoun ? pronoun with { Verb = null } : null;
            }

            if (NeverSpeakers.Contains(words[last].Text))
            {
                return null;
            }

            if (last >= 1 && OrganisationNouns.Contains(words[last].Text) && Articles.Contains(words[last - 1].Text))
            {
                return SubjectFrom(words, last - 1);
            }

            if (words[last].Text == ",")
            {
                // The person opening the sentence, described at length between commas ("Rachel Ostrowski, executive
                // director of the association, which represents compounders, told reporters").
                if (_people.ReadName(words, 0, out var firstEnd) is not null && firstEnd < words.Count && words[firstEnd].Text == ",")
                {
                    return SubjectFrom(words, 0);
                }

                var open = last - 1;
                while (open > 0 && last - open < 20 && words[open].Text != ",")
                {
                    open--;
                }

                // A name set off by commas after its description ("le directeur général d'Airbus, Guillaume Faury,
                // prévient"), else a description between the name and the verb ("Wang, research director at Futurum, said").
                if (open > 0 && _people.ReadName(words, open + 1, out var nameEnd) is not null && nameEnd == last)
                {
                    return SubjectFrom(words, open + 1);
                }

                return open > 0 ? SubjectEndingAt(words, open - 1, position) : null;
            }

            // Back over capitalised words, and "and"/"of"/"for" between them ("Competition and Markets Authority").
            var first = last;
            while (first > 0 && last - first < 7
                && ((words[first - 1].IsCapitalised && words[first - 1].IsWord && !NeverSpeakers.Contains(words[first - 1].Text) && !ArticlePeople.IsNotName(words[first - 1].Text))
                    || (words[first - 1].Lower is "and" or "of" or "for" or "de" or "du" or "des" && first >= 2 && words[first - 2].IsCapitalised)))
            {
                first--;
            }

            return words[first].IsCapitalised ? SubjectFrom(words, first) : null;
        }

        private Attribution Named(string surface, string name, int position)
        {
            var speaker = _people.Resolve(name);
            if (speaker.IsPerson)
            {
                _lastPerson = speaker;
                _lastPersonAt = position;
            }

            return new Attribution(speaker, surface, null);
        }
    }
}
