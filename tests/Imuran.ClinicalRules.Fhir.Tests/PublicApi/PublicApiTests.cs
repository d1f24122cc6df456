using System.IO;
using Imuran.ClinicalRules.Fhir.Tests.Support;
using Imuran.ClinicalRules.Tests.Common;

namespace Imuran.ClinicalRules.Fhir.Tests.PublicApi;

/// <summary>The package's public surface against the reviewed copy in this folder (see <see cref="PublicApiApproval"/>).</summary>
public class PublicApiTests
{
    [Fact]
    public void PublicApi_MatchesTheApprovedSurface() =>
        PublicApiApproval.ShouldMatchApproved(typeof(FhirPatientReader).Assembly, Path.Combine(RepoPaths.Root, "tests", "Imuran.ClinicalRules.Fhir.Tests", "PublicApi"), "Imuran.ClinicalRules.Fhir");
}
