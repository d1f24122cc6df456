namespace Imuran.ClinicalRules.Findings;

/// <summary>A document a rule rests on, with the section and how sure we are of it.</summary>
/// <param name="Document">The document, e.g. <c>Imuran USPI</c> or <c>CPIC thiopurine guideline 2018</c>.</param>
/// <param name="Section">The section, e.g. <c>WARNINGS: Cytopenias</c>.</param>
/// <param name="Confidence">How sure the knowledge base is of it.</param>
/// <param name="Note">A note for the reader, e.g. why a recalled statement was used.</param>
public sealed record SourceReference(string Document, string Section, Confidence Confidence, string? Note = null)
{
    /// <summary>The confidence as the knowledge base tags it: <c>V</c>, <c>V2</c>, <c>R</c> or <c>?</c>.</summary>
    public string ConfidenceTag => Confidence switch
    {
        Confidence.Verified => "V",
        Confidence.VerifiedSecondary => "V2",
        Confidence.Recalled => "R",
        _ => "?",
    };
}
