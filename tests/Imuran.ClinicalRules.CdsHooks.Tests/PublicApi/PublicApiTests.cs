using System.IO;
using Imuran.ClinicalRules.CdsHooks.Tests.Support;
using Imuran.ClinicalRules.Tests.Common;

namespace Imuran.ClinicalRules.CdsHooks.Tests.PublicApi;

/// <summary>The package's public surface against the reviewed copy in this folder (see <see cref="PublicApiApproval"/>).</summary>
public class PublicApiTests
{
    [Fact]
    public void PublicApi_MatchesTheApprovedSurface() =>
        PublicApiApproval.ShouldMatchApproved(typeof(CdsHooksOptions).Assembly, Path.Combine(RepoPaths.Root, "tests", "Imuran.ClinicalRules.CdsHooks.Tests", "PublicApi"), "Imuran.ClinicalRules.CdsHooks");
}
