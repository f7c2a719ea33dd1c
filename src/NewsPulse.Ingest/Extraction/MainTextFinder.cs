using System.Text;
using AngleSharp.Dom;

namespace NewsPulse.Ingest.Extraction;

/// <summary>
/// Finds an article's body in a parsed page. Boilerplate is pruned first (hidden and non-content elements, and
/// containers whose class or id name them as navigation, sharing, comments and the like, unless they hold most of
/// the page's prose). Every paragraph-like block then scores its ancestors by its length and commas; the best
/// ancestor, discounted by its link density, is the body, together with siblings that score close to it. Its text
/// is read block by block, one paragraph per line, skipping link lists and headlines.
/// </summary>
internal sealed class MainTextFinder
{
    /// <summary>Non-space characters of text, and of linked text, under each element of the pruned body: one pass, read many times.</summary>
    private readonly Dictionary<IElement, TextStats> _textStats = [];


    /// <summary>The element the page marks as its article body (schema.org microdata), and every element above it.</summary>
    private readonly HashSet<IElement> _holdsMarked = [];

    private IElement? _marked;

    /// <summary>
    /// Non-space characters, those inside links, and commas (the mark of running prose) under one element; and, as
    /// measured before pruning, its running text (see <see cref="Measure"/>).
    /// </summary>
    private readonly record struct TextStats(int Text, int Linked, int Commas, int Prose = 0)
    {
        /// <summary>White space other than space, line feed, tab, carriage return and no-break space.</summary>
        private static readonly System.Buffers.SearchValues<char> RareWhiteSpace = System.Buffers.SearchValues.Create(
            "\f\v\u0085\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000");

        public static TextStats Of(string text, bool linked)
        {
            // Vectorised counts of the usual separators first; other white space (rare) is counted one by one.
            var span = text.AsSpan();
            var spaces = span.Count(' ') + span.Count('\n') + span.Count('\t') + span.Count('\r') + span.Count('\u00A0');
            if (span.ContainsAny(RareWhiteSpace))
            {
                foreach (var c in span)
                {
                    spaces += char.IsWhiteSpace(c) && c is not (' ' or '\n' or '\t' or '\r' or '\u00A0') ? 1 : 0;
                }
            }

            var length = span.Length - spaces;
            var commas = span.Count(',') + span.Count('，') + span.Count('、');
            return new TextStats(length, linked ? length : 0, commas);
        }

        public static TextStats operator +(TextStats a, TextStats b) => new(a.Text + b.Text, a.Linked + b.Linked, a.Commas + b.Commas, a.Prose + b.Prose);

        public static TextStats operator -(TextStats a, TextStats b) => new(a.Text - b.Text, a.Linked - b.Linked, a.Commas - b.Commas, a.Prose - b.Prose);
    }

    private const int MinParagraphCharacters = 25;

    /// <summary>Elements that never hold article prose.</summary>
    private static readonly HashSet<string> NonContentTags = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "iframe", "svg", "canvas", "button", "select", "input", "textarea", "option",
        "dialog", "object", "embed", "video", "audio", "map", "nav", "aside", "footer", "figure", "figcaption",
    };

    /// <summary>Elements whose end is a paragraph break when text is read.</summary>
    private static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "p", "div", "section", "article", "main", "header", "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "td", "th",
        "h1", "h2", "h3", "h4", "h5", "h6", "hr", "address", "center", "details", "summary", "form", "fieldset",
    };

    private static readonly HashSet<string> ParagraphTags = new(StringComparer.Ordinal) { "p", "pre", "blockquote", "li", "td", "dd" };

    /// <summary>Words in class and id names that mark page furniture rather than the story.</summary>
    private static readonly HashSet<string> BoilerplateWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "ad", "ads", "adv", "advert", "advertisement", "advertising", "banner", "breadcrumb", "breadcrumbs", "byline", "comment",
        "comments", "disqus", "respond", "replies", "consent", "cookie", "cookies", "disqus", "footer", "masthead", "menu", "modal", "nav", "navbar", "navigation",
        "newsletter", "outbrain", "paywall", "popular", "popup", "promo", "recirc", "recommended", "related", "share", "sharing",
        "sidebar", "signup", "social", "sponsor", "sponsored", "subscribe", "subscription", "taboola", "tags", "toolbar", "trending",
        "widget", "mostread", "author", "dateline", "caption", "credit", "skip",
    };

    private static readonly HashSet<string> CommentWords = new(StringComparer.OrdinalIgnoreCase) { "comment", "comments", "disqus", "respond", "replies" };

    /// <summary>Words in class and id names that mark the story's container.</summary>
    private static readonly HashSet<string> ContentWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "article", "body", "content", "entry", "main", "post", "story", "text", "articlebody", "storybody", "postbody", "prose",
    };

    private readonly Action<IElement>? _visit;

    private MainTextFinder(Action<IElement>? visit) => _visit = visit;

    /// <param name="body">The page's body; pruned in place.</param>
    /// <param name="visit">Called for every element of the body before pruning, in document order, by the one walk this
    /// makes anyway (the metadata reader rides along).</param>
    public static string Find(IElement body, Action<IElement>? visit = null) => new MainTextFinder(visit).Read(body);

    private string Read(IElement body)
    {
        var proseLength = Measure(body, insideLink: false).Prose;
        Prune(body, proseLength);
        var text = new StringBuilder();
        foreach (var part in BodyParts(body))
        {
            AppendText(part, text);
        }

        return Lines(text);
    }

    /// <summary>
    /// One walk over the page before pruning: text statistics of every element (see <see cref="TextStats"/>), and its
    /// running text (text outside links, in pieces long enough to be sentences rather than labels), whether or not
    /// the page puts it in &lt;p&gt; elements, which is the yardstick for "holds most of the prose". The same walk
    /// finds the element marked as the article body, and its ancestors.
    /// </summary>
    private (int Prose, TextStats Stats) Measure(IElement element, bool insideLink)
    {
        _visit?.Invoke(element);
        if (_marked is null && element.GetAttribute("itemprop") == "articleBody")
        {
            _marked = element;
            for (var ancestor = element; ancestor is not null; ancestor = ancestor.ParentElement)
            {
                _holdsMarked.Add(ancestor);
            }
        }

        var inLink = insideLink || element.LocalName == "a";
        var prose = 0;
        var stats = default(TextStats);
        var children = element.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            var child = children[i];
            if (child is IText text)
            {
                var measured = TextStats.Of(text.Data, inLink);
                stats += measured;
                prose += measured.Text >= 10 ? measured.Text : 0;
            }
            else if (child is IElement childElement)
            {
                var (childProse, childStats) = Measure(childElement, inLink);
                stats += childStats;
                prose += childElement.LocalName != "a" && !NonContentTags.Contains(childElement.LocalName) ? childProse : 0;
            }
        }

        _textStats[element] = stats with { Prose = prose };
        return (prose, stats);
    }

    private void Prune(IElement root, int proseLength)
    {
        var doomed = new List<IElement>();
        Collect(root);
        foreach (var element in doomed)
        {
            // The statistics above it no longer include it.
            var removed = _textStats[element];
            for (var ancestor = element.ParentElement; ancestor is not null && _textStats.TryGetValue(ancestor, out var stats); ancestor = ancestor.ParentElement)
            {
                _textStats[ancestor] = stats - removed;
            }

            element.Remove();
        }

        void Collect(IElement element)
        {
            foreach (var child in element.Children)
            {
                if (ShouldRemove(child, proseLength))
                {
                    doomed.Add(child);
                }
                else
                {
                    Collect(child);
                }
            }
        }
    }

    private bool ShouldRemove(IElement element, int proseLength)
    {
        var tag = element.LocalName;
        if (NonContentTags.Contains(tag))
        {
            return true;
        }

        // Most elements carry no attribute, and everything below but the form/header rule reads attributes: one pass
        // over them collects what is needed.
        var attributes = element.Attributes;
        if (attributes.Length == 0 && tag is not ("form" or "header"))
        {
            return false;
        }

        string? className = null, id = null;
        for (var i = 0; i < attributes.Length; i++)
        {
            var attribute = attributes[i]!;
            switch (attribute.Name)
            {
                case "hidden":
                case "aria-hidden" when attribute.Value == "true":
                case "style" when IsStyledHidden(attribute.Value):
                case "role" when attribute.Value is "navigation" or "banner" or "contentinfo" or "complementary" or "dialog" or "alert" or "search":
                    return true;
                case "class":
                    className = attribute.Value;
                    break;
                case "id":
                    id = attribute.Value;
                    break;
            }
        }

        var named = HasWord(className, BoilerplateWords) || HasWord(id, BoilerplateWords);
        if (!named && tag is not ("form" or "header"))
        {
            return false;
        }

        // A wrapper with a misleading name (an ASP.NET form around the page, "post-sidebar-layout") can hold the story:
        // keep anything that carries a large share of the page's prose or is marked as the article body.
        if (_holdsMarked.Contains(element))
        {
            return false;
        }

        // Reader comments can outweigh the story itself, so a comments section needs to be nearly the whole page.
        var share = HasWord(className, CommentWords) || HasWord(id, CommentWords) ? 0.75 : 0.3;
        var prose = _textStats.GetValueOrDefault(element).Prose;
        return prose < share * proseLength || prose < 200;
    }

    private static bool IsStyledHidden(string? style) =>
        style is not null && (style.Contains("none", StringComparison.OrdinalIgnoreCase) || style.Contains("hidden", StringComparison.OrdinalIgnoreCase))
        && (style.Contains("display:none", StringComparison.OrdinalIgnoreCase) || style.Contains("display: none", StringComparison.OrdinalIgnoreCase)
            || style.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase) || style.Contains("visibility: hidden", StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether a class or id list names one of <paramref name="words"/>, as a whole name or as a part of one split at - _ or a camelCase hump.</summary>
    private static bool HasWord(string? names, HashSet<string> words)
    {
        if (string.IsNullOrEmpty(names))
        {
            return false;
        }

        // Runs on every element's class and id: spans, no allocations.
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        var all = names.AsSpan();
        foreach (var range in all.Split(' '))
        {
            var name = all[range];
            if (name.IsEmpty)
            {
                continue;
            }

            if (lookup.Contains(name))
            {
                return true;
            }

            var start = 0;
            for (var i = 1; i <= name.Length; i++)
            {
                var boundary = i == name.Length || name[i] is '-' or '_' || (char.IsUpper(name[i]) && char.IsLower(name[i - 1]));
                if (!boundary)
                {
                    continue;
                }

                if (i > start && lookup.Contains(name[start..i].Trim("-_")))
                {
                    return true;
                }

                start = i;
            }
        }

        return false;
    }

    /// <summary>
    /// The elements holding the body, in page order: the ancestor that paragraph scores point to most after link
    /// density (an explicit articleBody wins if it has prose), with its related siblings; or, for a body the template
    /// cuts into same-class chunks between ads and rails, every such chunk.
    /// </summary>
    private List<IElement> BodyParts(IElement body)
    {
        var scores = new Dictionary<IElement, double>();
        var blocks = new List<IElement>();
        DomWalk.Elements(body, element =>
        {
            if (element.LocalName is "p" or "pre" or "blockquote" or "td" or "li" or "div" or "section")
            {
                blocks.Add(element);
            }
        });
        foreach (var block in blocks)
        {
            var own = block.LocalName is "div" or "section" or "li" or "td" ? DirectStats(block) : _textStats[block];
            if (own.Text < MinParagraphCharacters)
            {
                continue;
            }

            var contribution = 1 + own.Commas + Math.Min(own.Text / 100.0, 3);
            // Text written straight into a div is that div's own paragraph, as if wrapped in a <p> inside it.
            var ancestor = block.LocalName is "div" or "section" ? block : block.ParentElement;
            for (var level = 0; ancestor is not null && level < 3; level++, ancestor = ancestor.ParentElement)
            {
                if (!scores.ContainsKey(ancestor))
                {
                    scores[ancestor] = InitialScore(ancestor);
                }

                scores[ancestor] += contribution / (level == 0 ? 1 : level * 2);
            }
        }

        if (scores.Count == 0)
        {
            return [];
        }

        var ranked = scores.Select(pair => (Element: pair.Key, Score: pair.Value * (1 - LinkDensity(pair.Key)))).OrderByDescending(c => c.Score).ToList();
        var top = ranked[0];
        if (_marked is { } marked && _textStats.ContainsKey(marked) && TextLength(marked) >= 250)
        {
            return WithRelatedSiblings(marked, Math.Max(top.Score, scores.GetValueOrDefault(marked)));
        }

        var className = top.Element.ClassName;
        var chunks = string.IsNullOrWhiteSpace(className)
            ? []
            : ranked.Where(c => c.Score >= top.Score * 0.2 && c.Element.ClassName == className && c.Element.LocalName == top.Element.LocalName).Select(c => c.Element).ToList();
        chunks.RemoveAll(chunk => chunks.Any(other => other != chunk && other.Contains(chunk)));
        if (chunks.Count >= 2)
        {
            chunks.Sort((a, b) => a == b ? 0 : a.CompareDocumentPosition(b).HasFlag(DocumentPositions.Following) ? -1 : 1);
            return chunks;
        }

        // A body split into several containers (by ads, images, pull quotes) makes several strong candidates: when
        // most of the strongest share an ancestor close above the best one, that ancestor is the body.
        var strong = ranked.Take(5).Where(c => c.Score >= top.Score * 0.75).Select(c => c.Element).ToList();
        if (strong.Count >= 3)
        {
            var ancestor = top.Element.ParentElement;
            for (var level = 0; ancestor is not null && ancestor != body && level < 4; level++, ancestor = ancestor.ParentElement)
            {
                if (strong.Count(ancestor.Contains) >= 3)
                {
                    return WithRelatedSiblings(ancestor, scores.GetValueOrDefault(ancestor, top.Score));
                }
            }
        }

        // A candidate whose parent scores nearly as well is usually one column of a body split by ads or images.
        var parent = top.Element.ParentElement;
        if (parent is not null && parent != body && scores.TryGetValue(parent, out var parentScore) && parentScore * (1 - LinkDensity(parent)) >= top.Score * 0.75)
        {
            return WithRelatedSiblings(parent, parentScore);
        }

        return WithRelatedSiblings(top.Element, top.Score);
    }

    private static double InitialScore(IElement element)
    {
        var score = element.LocalName switch
        {
            "article" => 10,
            "div" or "section" or "main" => 5,
            "pre" or "td" or "blockquote" => 3,
            "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        if (HasWord(element.ClassName, ContentWords) || HasWord(element.Id, ContentWords))
        {
            score += 25;
        }

        if (HasWord(element.ClassName, BoilerplateWords) || HasWord(element.Id, BoilerplateWords))
        {
            score -= 25;
        }

        return score;
    }

    /// <summary>The candidate, plus siblings that carry the same story: scored close to it, or plain prose paragraphs.</summary>
    private List<IElement> WithRelatedSiblings(IElement best, double bestScore)
    {
        var parent = best.ParentElement;
        if (parent is null)
        {
            return [best];
        }

        var threshold = Math.Max(10, bestScore * 0.2);
        var parts = new List<IElement>();
        foreach (var sibling in parent.Children)
        {
            if (sibling == best)
            {
                parts.Add(sibling);
                continue;
            }

            var length = TextLength(sibling);
            var density = LinkDensity(sibling);
            var sameClass = !string.IsNullOrEmpty(best.ClassName) && sibling.ClassName == best.ClassName;
            if ((sameClass && length >= MinParagraphCharacters && density < 0.3)
                || (sibling.LocalName == "p" && ((length >= 80 && density < 0.25) || (length > 0 && density == 0 && EndsSentence(sibling.TextContent))))
                || (density < 0.3 && ParagraphScore(sibling) >= threshold))
            {
                parts.Add(sibling);
            }
        }

        return parts;
    }

    private double ParagraphScore(IElement element)
    {
        var score = 0.0;
        DomWalk.Elements(element, e =>
        {
            if (e.LocalName == "p" && TextLength(e) is var length && length >= MinParagraphCharacters)
            {
                score += 1 + Math.Min(length / 100.0, 3);
            }
        });
        return score;
    }

    private static bool EndsSentence(string text) => text.TrimEnd() is { Length: > 0 } trimmed && trimmed[^1] is '.' or '!' or '?' or '…' or '»' or '"' or '”' or '。';

    /// <summary>Reads an element's text block by block, skipping headlines and lists of links.</summary>
    private void AppendText(INode node, StringBuilder text)
    {
        if (node is IText textNode)
        {
            text.Append(textNode.Data);
            return;
        }

        if (node is not IElement element)
        {
            return;
        }

        var tag = element.LocalName;
        if (tag == "br")
        {
            text.Append('\n');
            return;
        }

        if (tag == "h1")
        {
            // The headline is the title, not part of the body.
            return;
        }

        var block = BlockTags.Contains(tag);
        if (block && IsLinkList(element))
        {
            return;
        }

        if (block)
        {
            text.Append('\n');
        }

        var children = element.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            AppendText(children[i], text);
        }

        if (block)
        {
            text.Append('\n');
        }
    }

    /// <summary>A block made mostly of links: "read more", tag clouds, lists of other stories.</summary>
    private bool IsLinkList(IElement element)
    {
        var length = TextLength(element);
        if (length == 0)
        {
            return false;
        }

        var density = LinkDensity(element);
        return density > 0.5 && (ParagraphTags.Contains(element.LocalName) || element.LocalName is "ul" or "ol" or "div" || length < 200)
            && !(element.LocalName == "p" && density < 0.8 && length > 150);
    }

    /// <summary>
    /// One normalised paragraph per line. Short label lines at the end ("Tags", "Share this", "Related") are the
    /// leftovers of furniture after the body, not prose, and are dropped; at the start such a line is as often a
    /// dateline that belongs to the story, so it stays.
    /// </summary>
    private static string Lines(StringBuilder text)
    {
        // One pass: white space normalised as ArticleExtractor.NormalizeWhitespace does, each line trimmed, empty
        // lines dropped.
        var output = new StringBuilder(text.Length);
        var lineStart = 0;
        var pendingSpace = false;
        foreach (var chunk in text.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                if (c == '\n')
                {
                    EndLine();
                }
                else if (c is '\u00A0' or '\u202F' or '\u2007')
                {
                    pendingSpace = false;
                    if (output.Length > lineStart)
                    {
                        output.Append(c);
                    }
                }
                else if (char.IsWhiteSpace(c) || c == '\u200B')
                {
                    pendingSpace = true;
                }
                else
                {
                    if (pendingSpace && output.Length > lineStart && output[^1] is not ('\u00A0' or '\u202F' or '\u2007'))
                    {
                        output.Append(' ');
                    }

                    pendingSpace = false;
                    output.Append(c);
                }
            }
        }

        EndLine();
        while (output.Length > 0)
        {
            var lastLine = output.ToString(0, output.Length - 1).LastIndexOf('\n') + 1;
            if (!IsLabel(output.ToString(lastLine, output.Length - 1 - lastLine)))
            {
                break;
            }

            output.Length = lastLine;
        }

        return output.Length == 0 ? string.Empty : output.ToString(0, output.Length - 1);

        void EndLine()
        {
            while (output.Length > lineStart && char.IsWhiteSpace(output[^1]))
            {
                output.Length--;
            }

            if (output.Length > lineStart)
            {
                output.Append('\n');
                lineStart = output.Length;
            }

            pendingSpace = false;
        }
    }

    private static bool IsLabel(string line) => line.Length < 40 && !EndsSentence(line);

    /// <summary>Text of the element's own text nodes and inline children, not of its child blocks (a div used as a paragraph).</summary>
    private TextStats DirectStats(IElement element)
    {
        var stats = default(TextStats);
        var children = element.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            var child = children[i];
            if (child is IText t)
            {
                stats += TextStats.Of(t.Data, linked: false);
            }
            else if (child is IElement { LocalName: "a" or "b" or "i" or "em" or "strong" or "span" or "u" or "small" or "sup" or "sub" or "mark" or "q" or "cite" or "abbr" } inline)
            {
                stats += _textStats[inline];
            }
        }

        return stats;
    }

    private static int CountNonSpace(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                count++;
            }
        }

        return count;
    }

    private double LinkDensity(IElement element) =>
        _textStats.TryGetValue(element, out var stats) && stats.Text > 0 ? Math.Min(1.0, (double)stats.Linked / stats.Text) : 0;

    private int TextLength(IElement element) => _textStats.TryGetValue(element, out var stats) ? stats.Text : CountNonSpace(element.TextContent);

}
