using Microsoft.Extensions.DependencyInjection;
using Imuran.ClinicalRules.Tests.Common;

namespace Imuran.ClinicalRules.DependencyInjection.Tests.PublicApi;

/// <summary>The package's public surface against the reviewed copy in this folder (see <see cref="PublicApiApproval"/>).</summary>
public class PublicApiTests
{
    [Fact]
    public void PublicApi_MatchesTheApprovedSurface() =>
        PublicApiApproval.ShouldMatchApproved(typeof(ImuranClinicalRulesServiceCollectionExtensions).Assembly, RepoPaths.InRepo("tests", "Imuran.ClinicalRules.DependencyInjection.Tests", "PublicApi"), "Imuran.ClinicalRules.DependencyInjection");
}
