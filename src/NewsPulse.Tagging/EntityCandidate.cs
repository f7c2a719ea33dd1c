namespace NewsPulse.Tagging;

/// <summary>
/// A company or country the gazetteer found in a story, with the features the salience model reads to decide
/// whether the story is about it.
/// </summary>
/// <param name="Kind">Company or country.</param>
/// <param name="Id">Canonical company name or ISO code.</param>
/// <param name="Features">The salience features, <see cref="SalienceFeatures.Count"/> of them.</param>
public sealed record EntityCandidate(TagKind Kind, string Id, float[] Features);
