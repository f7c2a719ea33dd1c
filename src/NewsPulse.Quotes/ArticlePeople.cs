using NewsPulse.Tagging;

namespace NewsPulse.Quotes;

/// <summary>A person or organisation an article names, with the title and organisation it gives them.</summary>
internal sealed record Speaker(string Name, bool IsPerson, string? Title, string? Organisation);

/// <summary>
/// The people an article introduces: full names (two or more capitalised words that are not a company or a
/// place), their descriptions from appositions ("Ray Wang, research director at Futurum Group," / "Wei Sun,
/// analyste principale chez Counterpoint Research" / "le directeur général d'Airbus, Guillaume Faury,"), and the
/// surnames that refer back to them within the article. Pure once built.
/// </summary>
internal sealed class ArticlePeople
{
    private static readonly HashSet<string> Connectors = new(StringComparer.OrdinalIgnoreCase)
    {
        "at", "of", "with", "for", "from", "chez", "de", "du", "des", "d", "au", "à", "in", "auprès",
    };

    /// <summary>Last words that make a capitalised name an organisation ("Brightwater Capital", "Nordea Asset Management").</summary>
    private static readonly HashSet<string> OrganisationWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "capital", "management", "group", "groupe", "research", "partners", "bank", "banque", "securities", "holdings", "holding", "fund", "institute", "institut",
        "university", "université", "ministry", "ministère", "agency", "agence", "commission", "council", "conseil", "association", "federation", "fédération",
        "union", "office", "department", "authority", "autorité", "labs", "technologies", "systems", "analytics", "consulting", "conseil", "advisors", "advisers",
        "investments", "markets", "media", "motors", "energy", "airlines", "intelligence", "economics", "insights", "associates", "ventures", "foundation",
        "fondation", "services", "solutions", "industries", "international", "corporation", "corp", "inc", "ltd", "plc", "sa", "ag", "gmbh", "llc", "bourse",
        "exchange", "court", "cour", "tribunal", "parliament", "parlement", "senate", "sénat", "assembly", "assemblée", "reserve", "treasury", "trésor",
        "atlantic", "finance", "financial", "insurance", "assurances", "telecom", "télécom", "communications", "networks", "software", "semiconductor",
        "semiconductors", "electronics", "technology", "pharma", "act", "law", "loi", "directive", "regulation", "règlement", "treaty", "traité", "agreement",
        "accord", "plan", "programme", "program", "scheme", "index", "indice", "report", "rapport", "strategy", "stratégie", "initiative", "summit", "sommet", "pharmaceuticals", "health", "santé", "news", "times", "journal", "post", "press", "presse", "review",
    };

    private static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal) { "de", "van", "von", "da", "di", "del", "der", "den", "bin", "ibn", "al", "el", "le", "la", "du", "dos", "ben", "ter" };

    /// <summary>Titles written before a name ("Finance Minister Marie-Claude Tremblay", "Prime Minister X"): not part of it.</summary>
    private static readonly HashSet<string> TitleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "minister", "ministre", "president", "président", "présidente", "chancellor", "secretary", "governor", "senator", "sénateur", "sénatrice", "mayor", "maire",
        "judge", "juge", "commissioner", "commissaire", "ceo", "chairman", "chairwoman", "chair", "director", "directeur", "directrice", "chief", "general", "général",
        "ambassador", "ambassadeur", "ambassadrice", "professor", "professeur", "dr", "sir", "lord", "dame", "king", "queen", "prince", "premier", "deputy", "vice",
        "representative", "congressman", "congresswoman", "spokesman", "spokeswoman", "analyst", "economist", "executive", "officer", "founder", "head",
        "strategist", "manager", "partner", "researcher", "leader", "secretary",
    };

    /// <summary>Capitalised words that start sentences or name things, never people.</summary>
    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "in", "on", "at", "but", "and", "or", "if", "as", "for", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i",
        "le", "la", "les", "un", "une", "des", "du", "en", "et", "mais", "ou", "si", "pour", "ce", "cette", "ces", "il", "elle", "ils", "elles", "nous", "on", "je",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "janvier",
        "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre", "mr", "mrs", "ms", "dr", "m", "mme",
        "according", "selon", "after", "before", "when", "while", "since", "with", "without", "after", "during", "chez", "dans", "sur", "avec", "sans",
    };

    private readonly Dictionary<string, Speaker> _byFullName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _bySurname = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byFirstWord = new(StringComparer.Ordinal);
    private readonly Gazetteer _gazetteer;
    private readonly string _text;
    private readonly List<(int Position, string Name)> _mentions = [];
    private readonly HashSet<string> _organisations = new(StringComparer.Ordinal);
    private readonly HashSet<string> _organisationWords = new(StringComparer.Ordinal);

    public ArticlePeople(string text, Gazetteer gazetteer)
    {
        _gazetteer = gazetteer;
        _text = text;
        var words = Words.Split(text, 0, text.Length);
        for (var i = 0; i < words.Count; i++)
        {
            if (ReadName(words, i, out var end) is not { } name)
            {
                continue;
            }

            var (title, organisation) = DescriptionAfter(words, end);
            if (title is null)
            {
                (title, organisation) = DescriptionBefore(words, i);
            }

            Add(name, title, organisation);
            if (organisation is not null)
            {
                _organisations.Add(organisation);
                _organisationWords.UnionWith(organisation.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }

            i = end - 1;
        }

        // Where each person is named, in full or by surname: what a pronoun points back to.
        for (var i = 0; i < words.Count; i++)
        {
            if (ReadName(words, i, out var end) is { } full && _byFullName.ContainsKey(full))
            {
                _mentions.Add((words[i].Start, full));
                i = end - 1;
            }
            else if (words[i].IsCapitalised && _bySurname.TryGetValue(words[i].Text, out var person))
            {
                _mentions.Add((words[i].Start, person));
            }
        }
    }

    /// <summary>
    /// The person or organisation a name refers to: a full name as such, a surname as the full name it stands for
    /// in this article, a company by its name. A lone capitalised word that is neither is taken as said.
    /// </summary>
    public Speaker Resolve(string name)
    {
        if (_byFullName.TryGetValue(name, out var known))
        {
            return known;
        }

        if (_bySurname.TryGetValue(name, out var full) || _byFirstWord.TryGetValue(name, out full))
        {
            return _byFullName[full];
        }

        return new Speaker(name, IsPerson: !IsCompanyOrPlace(name), null, null);
    }

    /// <summary>A capitalised word that is never a name: an article, a pronoun, a preposition, a day, a month.</summary>
    public static bool IsNotName(string word) => NotNames.Contains(word);

    /// <summary>The last person named in full before <paramref name="position"/>, for a pronoun with no speaker before it.</summary>
    public Speaker? LastPersonBefore(int position, out int at)
    {
        var last = _mentions.FindLastIndex(m => m.Position < position);
        at = last < 0 ? -1 : _mentions[last].Position;
        return last < 0 ? null : _byFullName[_mentions[last].Name];
    }

    /// <summary>A full name (two to four capitalised words, particles allowed) starting at <paramref name="i"/>, or null.</summary>
    public string? ReadName(IReadOnlyList<Word> words, int i, out int end)
    {
        end = i;
        if (!IsNameWord(words, i))
        {
            return null;
        }

        var j = i + 1;
        var parts = 1;
        while (j < words.Count && parts < 4)
        {
            if (IsNameWord(words, j) && words[j].Start - words[j - 1].End <= 2)
            {
                j++;
                parts++;
            }
            else if (NameParticles.Contains(words[j].Text) && j + 1 < words.Count && IsNameWord(words, j + 1))
            {
                j += 2;
                parts++;
            }
            else
            {
                break;
            }
        }

        if (parts < 2)
        {
            return null;
        }

        // A title before the name is not the name: "Finance Minister Marie-Claude Tremblay" is Marie-Claude Tremblay.
        var last = j - 1;
        for (var k = j - 3; k >= i; k--)
        {
            if (TitleWords.Contains(words[k].Text))
            {
                i = k + 1;
                break;
            }
        }

        if (last - i < 1)
        {
            return null;
        }

        var name = string.Join(' ', words.Skip(i).Take(j - i).Select(w => w.Text));
        if (IsCompanyOrPlace(name) || _organisations.Contains(name) || OrganisationWords.Contains(words[j - 1].Text)
            || words.Skip(i).Take(j - i).All(w => _organisationWords.Contains(w.Text) || NameParticles.Contains(w.Text)))
        {
            return null;
        }

        end = j;
        return name;
    }

    public bool IsCompanyOrPlace(string name)
    {
        var hits = _gazetteer.Find(name);
        return hits.Any(h => h.Start == 0 && h.End >= name.Length - 1);
    }

    private static bool IsNameWord(IReadOnlyList<Word> words, int i) =>
        i < words.Count && words[i].IsWord && words[i].IsCapitalised && words[i].Text.Length > 1 && !NotNames.Contains(words[i].Text)
        && !words[i].Text.All(char.IsUpper) && ReportingVerbs.Lemma(words[i].Text) is null;

    private void Add(string name, string? title, string? organisation)
    {
        if (_byFullName.TryGetValue(name, out var known))
        {
            if (known.Title is null && title is not null)
            {
                _byFullName[name] = known with { Title = title, Organisation = organisation };
            }

            return;
        }

        _byFullName[name] = new Speaker(name, IsPerson: true, title, organisation);
        _bySurname.TryAdd(name[(name.LastIndexOf(' ') + 1)..], name);
        // Names written family name first ("Wu Jianping", then "Wu") are referred to by their first word.
        _byFirstWord.TryAdd(name[..name.IndexOf(' ', StringComparison.Ordinal)], name);
    }

    /// <summary>", TITLE at|chez|de ORG," right after a name: the title is the words before the connector, the organisation the capitalised words after it.</summary>
    private (string? Title, string? Organisation) DescriptionAfter(List<Word> words, int end)
    {
        if (end >= words.Count || words[end].Text != ",")
        {
            return (null, null);
        }

        var j = end + 1;
        // Relative clauses ("who heads", "qui dirige") and articles ("l'analyste") lead into the title.
        while (j < words.Count && words[j].Lower is "who" or "qui" or "is" or "est" or "the" or "l" or "le" or "la" or "an" or "a" or "un" or "une")
        {
            j++;
        }

        // ", TotalEnergies' chief executive," / ", Ryanair's head of marketing,": the organisation in the possessive.
        if (j < words.Count && words[j].IsCapitalised && IsPossessive(words, j))
        {
            var possessiveTitle = j + (j + 1 < words.Count && words[j + 1].Text == "s" ? 2 : 1);
            var titleEnd = possessiveTitle;
            while (titleEnd < words.Count && titleEnd - possessiveTitle < 8 && words[titleEnd].IsWord && !words[titleEnd].IsCapitalised)
            {
                titleEnd++;
            }

            return titleEnd > possessiveTitle ? (Join(words, possessiveTitle, titleEnd), words[j].Text) : (null, null);
        }

        var titleStart = j;
        // The title runs to the connector before a capitalised organisation: "head of energy research at Standard
        // Chartered" is the title "head of energy research" at "Standard Chartered".
        while (j < words.Count && j - titleStart < 10 && words[j].IsWord
            && !(Connectors.Contains(words[j].Text) && j + 1 < words.Count && (words[j + 1].IsCapitalised || words[j + 1].Lower is "the" or "la" or "le" or "l")))
        {
            j++;
        }

        if (j == titleStart || j >= words.Count)
        {
            return (null, null);
        }

        if (!Connectors.Contains(words[j].Text))
        {
            return words[j].Text == "," && j - titleStart <= 5 && !words[titleStart].IsCapitalised ? (Join(words, titleStart, j), null) : (null, null);
        }

        // "président de la commission PME du Gifas": past connectors whose object is not a name, to the one that is.
        while (j + 2 < words.Count && words[j + 1].Lower is "the" or "la" or "le" or "l" && !words[j + 2].IsCapitalised)
        {
            var next = words.FindIndex(j + 2, w => !w.IsWord || Connectors.Contains(w.Text));
            if (next < 0 || next - titleStart > 12 || !Connectors.Contains(words[next].Text))
            {
                break;
            }

            j = next;
        }

        var title = Join(words, titleStart, j);

        var orgStart = j + 1;
        if (orgStart < words.Count && words[orgStart].Lower is "the" or "la" or "le" or "l")
        {
            orgStart++;
        }

        var orgEnd = orgStart;
        while (orgEnd < words.Count && orgEnd - orgStart < 6 && (words[orgEnd].IsCapitalised || words[orgEnd].Text == "&"
            || (words[orgEnd].Lower is "of" or "de" or "for" or "and" && orgEnd + 1 < words.Count && words[orgEnd + 1].IsCapitalised)))
        {
            orgEnd++;
        }

        return orgEnd > orgStart ? (title, Join(words, orgStart, orgEnd)) : (null, null);
    }

    /// <summary>The word at <paramref name="i"/> is followed by an apostrophe and, unless it ends in s, by "s": "Ryanair's", "TotalEnergies'".</summary>
    private bool IsPossessive(List<Word> words, int i) =>
        words[i].End < _text.Length && _text[words[i].End] is '\'' or '’'
        && ((i + 1 < words.Count && words[i + 1].Text == "s" && words[i + 1].Start == words[i].End + 1) || words[i].Text.EndsWith('s'));

    /// <summary>"le directeur général d'Airbus, NAME" / "Futurum Group analyst NAME": a description right before the name.</summary>
    private (string? Title, string? Organisation) DescriptionBefore(List<Word> words, int nameStart)
    {
        if (nameStart >= 2 && words[nameStart - 1].IsWord && !words[nameStart - 1].IsCapitalised)
        {
            // "Ryanair chief executive Michael O'Leary", "TotalEnergies' chief executive Patrick Pouyanné".
            var t = nameStart - 1;
            while (t > 0 && nameStart - t < 4 && words[t - 1].IsWord && !words[t - 1].IsCapitalised && !Connectors.Contains(words[t - 1].Text))
            {
                t--;
            }

            var org = t - 1;
            if (org >= 0 && words[org].IsCapitalised && !NotNames.Contains(words[org].Text) && TitleWords.Contains(words[nameStart - 1].Text)
                && (org == 0 || !words[org - 1].IsCapitalised))
            {
                return (Join(words, t, nameStart), words[org].Text);
            }

            return (null, null);
        }

        if (nameStart < 3 || words[nameStart - 1].Text != ",")
        {
            return (null, null);
        }

        // Walk back over the organisation (capitalised words), a connector, and the title (lower-case words).
        var j = nameStart - 2;
        var orgEnd = j + 1;
        while (j >= 0 && words[j].IsCapitalised && orgEnd - j <= 5)
        {
            j--;
        }

        var orgStart = j + 1;
        if (orgStart == orgEnd || j < 1 || !Connectors.Contains(words[j].Text))
        {
            return (null, null);
        }

        var titleEnd = j;
        j--;
        while (j >= 0 && words[j].IsWord && (!words[j].IsCapitalised || words[j].Text.All(char.IsUpper)) && titleEnd - j <= 5 && words[j].Lower is not ("le" or "la" or "l" or "the"))
        {
            j--;
        }

        var titleStart = j + 1;
        return titleEnd > titleStart ? (Join(words, titleStart, titleEnd), Join(words, orgStart, orgEnd)) : (null, null);
    }

    private string Join(List<Word> words, int from, int to) => _text[words[from].Start..words[to - 1].End];
}
