namespace Imuran.ClinicalRules;

/// <summary>One problem with the input: the field, a stable machine-readable code, and a message a pharmacist understands.</summary>
/// <param name="Field">The field path, e.g. <c>labResults[2].unit</c>.</param>
/// <param name="Code">A stable code, e.g. <c>LAB_UNIT_MISSING</c>.</param>
/// <param name="Message">What is wrong, in plain words.</param>
public sealed record ValidationProblem(string Field, string Code, string Message);
