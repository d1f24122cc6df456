namespace Imuran.ClinicalRules;

/// <summary>An input item no classifier recognised. It is kept and listed, never silently dropped.</summary>
/// <param name="Field">Where it is in the input, e.g. <c>medications[3]</c>.</param>
/// <param name="Category">What it is: <c>medication</c>, <c>condition</c>, <c>lab</c>, <c>allergy</c> or <c>vaccine</c>.</param>
/// <param name="Text">Its name and code as given.</param>
public sealed record UnrecognisedInput(string Field, string Category, string Text);
