using System.IO;
using Imuran.ClinicalRules.Research.Coverage;
using Imuran.ClinicalRules.Tests.Common;
using Imuran.ClinicalRules.Tests.Support;

namespace Imuran.ClinicalRules.Research.Tests.PublicApi;

/// <summary>The package's public surface against the reviewed copy in this folder (see <see cref="PublicApiApproval"/>).</summary>
public class PublicApiTests
{
    [Fact]
    public void PublicApi_MatchesTheApprovedSurface() =>
        PublicApiApproval.ShouldMatchApproved(typeof(CoverageStudy).Assembly, Path.Combine(RepoPaths.Root, "tests", "Imuran.ClinicalRules.Research.Tests", "PublicApi"), "Imuran.ClinicalRules.Research");
}
