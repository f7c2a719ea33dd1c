using AngleSharp.Dom;

namespace NewsPulse.Ingest.Extraction;

/// <summary>
/// Visits every element under a node in document order by index over child lists: the walks run over thousands of
/// elements per page, and the generic enumerators allocate at every level.
/// </summary>
internal static class DomWalk
{
    public static void Elements(INode root, Action<IElement> visit)
    {
        var children = root.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            if (children[i] is IElement element)
            {
                visit(element);
                Elements(element, visit);
            }
        }
    }
}
