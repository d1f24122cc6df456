using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Serialization;
using Imuran.ClinicalRules.Tests.Rules;
using static Imuran.ClinicalRules.Tests.Rules.RuleAssertions;

namespace Imuran.ClinicalRules.Tests.ClinicalDepth;

/// <summary>
/// Issue 11 items 5 and 7: a present but unreadable pharmacogenomic result is a data-quality finding and is listed as
/// unrecognised; a finding about both genes is findable under both topics, and every PGx basis shows both genes.
/// </summary>
public class PharmacogenomicDepthTests
{
    private static readonly PatientFacts Quiet = Patients.Quiet();

    [Theory]
    [InlineData("c.719A>G")]
    [InlineData("positive for *3A")]
    public void UnreadableTpmtResult_IsADataQualityFindingNamingIt_AndUnrecognised(string text)
    {
        // Before: a validation error (the whole evaluation refused) or, through FHIR, "no result on file".
        var patient = Quiet.Considering().WithPgx(new PharmacogenomicResult { Gene = Gene.Tpmt, Diplotype = text, Method = TestMethod.Genotype }, Patients.Nudt15("*1/*1"));

        var result = Evaluate(patient);

        result.Validation.Should().BeEmpty();
        var dq = result.Findings.Should().ContainSingle(f => f.RuleId == "AZA-DQ-001" && f.Summary.Contains("cannot be read as a star-allele diplotype")).Subject;
        dq.Summary.Should().Be($"Check the TPMT result: '{text}' cannot be read as a star-allele diplotype.");
        dq.Basis.Facts[0].Path.Should().Be("pharmacogenomics[0]");
        result.Unrecognised.Should().ContainSingle(u => u.Field == "pharmacogenomics[0]" && u.Text == "TPMT " + text);
        result.ShouldRaise("AZA-PGX-008").ShouldHaveBasis("TPMT phenotype", "pharmacogenomics", "no usable result: a result is on file but cannot be read (pharmacogenomics[0])");
    }

    [Theory]
    [InlineData("*1/*3A reduce dose 50%")]
    [InlineData("*1/*3A give 1/2 tab")]
    public void UnreadableTpmtResultCarryingDosingText_IsNotEchoed(string text)
    {
        // QA, 2 Dec: the free text reached the AZA-DQ-001 summary, its basis and the unrecognised list as written.
        var patient = Quiet.Considering().WithPgx(new PharmacogenomicResult { Gene = Gene.Tpmt, Diplotype = text, Method = TestMethod.Genotype }, Patients.Nudt15("*1/*1"));

        var result = Evaluate(patient);

        var dq = result.Findings.Should().ContainSingle(f => f.RuleId == "AZA-DQ-001").Subject;
        dq.Summary.Should().Be("Check the TPMT result: the result cannot be read as a star-allele diplotype.");
        var echoed = string.Join(" | ", result.Findings.SelectMany(f => f.Basis.Facts.Select(b => b.Value)).Concat(result.Unrecognised.Select(u => u.Text)));
        echoed.Should().Contain("(name withheld: it carries amounts or instructions)").And.NotContain("reduce").And.NotContain("50%").And.NotContain("1/2");
    }

    [Fact]
    public void AlleleTheTableLacks_IsListedAsUnrecognised()
    {
        var result = Evaluate(Quiet.WithPgx(Patients.Tpmt("*1/*99"), Patients.Nudt15("*1/*1")));

        result.Unrecognised.Should().ContainSingle(u => u.Field == "pharmacogenomics[0]");
        result.Findings.Should().Contain(f => f.RuleId == "AZA-DQ-001" && f.Summary.Contains("not in the CPIC allele-function table"));
    }

    [Fact]
    public void ReadableResult_IsNotUnrecognised() =>
        Evaluate(Quiet).Unrecognised.Should().BeEmpty();

    [Fact]
    public void BothGenesIntermediate_IsFindableUnderBothTopics()
    {
        // Before: only under tpmt; a host routing cards by nudt15 saw nothing.
        var result = Evaluate(Quiet.WithPgx(Patients.Tpmt("*1/*3A"), Patients.Nudt15("*1/*3")));

        var finding = result.ShouldRaise("AZA-PGX-005");
        finding.Topic.Should().Be(Topics.Tpmt);
        finding.RelatedTopics.Should().Equal(Topics.Nudt15);
        result.Findings.Where(f => f.HasTopic(Topics.Nudt15)).Select(f => f.RuleId).Should().Contain("AZA-PGX-005");
        EvaluationResultJson.ToJson(result, indented: false).Should().Contain("\"relatedTopics\":[\"nudt15\"]");
    }

    [Fact]
    public void OneGeneFinding_HasNoRelatedTopics_AndTheJsonOmitsTheField()
    {
        var result = Evaluate(Quiet.WithPgx(Patients.Tpmt("*1/*3A"), Patients.Nudt15("*1/*1")));

        result.ShouldRaise("AZA-PGX-003").RelatedTopics.Should().BeEmpty();
        EvaluationResultJson.ToJson(result, indented: false).Should().NotContain("relatedTopics");
    }

    [Theory]
    [InlineData("*3A/*3A", "*1/*1", "AZA-PGX-001", "NUDT15 phenotype", "normal metabolizer (diplotype *1/*1")]
    [InlineData("*1/*1", "*3/*3", "AZA-PGX-002", "TPMT phenotype", "normal metabolizer (diplotype *1/*1")]
    [InlineData("*1/*3A", "*1/*1", "AZA-PGX-003", "NUDT15 phenotype", "normal metabolizer")]
    [InlineData("*1/*1", "*1/*3", "AZA-PGX-004", "TPMT phenotype", "normal metabolizer")]
    [InlineData("*1/*5", "*1/*1", "AZA-PGX-006", "NUDT15 phenotype", "normal metabolizer")]
    public void OneGeneFinding_BasisShowsTheOtherGenesCall(string tpmt, string nudt15, string ruleId, string otherGene, string otherCall)
    {
        // Before: the basis showed only the gene the rule is about.
        Evaluate(Quiet.WithPgx(Patients.Tpmt(tpmt), Patients.Nudt15(nudt15))).ShouldRaise(ruleId).ShouldHaveBasis(otherGene, "pharmacogenomics[" + (otherGene.StartsWith("TPMT", StringComparison.Ordinal) ? 0 : 1) + "]", otherCall);
    }

    [Fact]
    public void OneGeneFinding_OtherGeneNotOnFile_BasisSaysSo() =>
        Evaluate(Quiet.WithPgx(Patients.Tpmt("*3A/*3A"))).ShouldRaise("AZA-PGX-001").ShouldHaveBasis("NUDT15 phenotype", "pharmacogenomics", "no result on file");

    [Fact]
    public void MissingResultFinding_BasisShowsBothGenes()
    {
        var finding = Evaluate(Quiet.Considering().WithPgx(Patients.Tpmt("*1/*1"))).ShouldRaise("AZA-PGX-008");

        finding.ShouldHaveBasis("TPMT phenotype", "pharmacogenomics[0]", "normal metabolizer");
        finding.ShouldHaveBasis("NUDT15 phenotype", "pharmacogenomics", "no result on file");
    }

    [Fact]
    public void TransfusionFinding_BasisShowsBothGenes()
    {
        var patient = (Quiet with { LastRedCellTransfusion = Patients.DaysAgo(40) })
            .WithPgx(Patients.Phenotype(Gene.Tpmt, MetabolizerPhenotype.Normal, TestMethod.Activity, Patients.DaysAgo(20)), Patients.Nudt15("*1/*1"));

        var finding = Evaluate(patient).ShouldRaise("AZA-PGX-011");

        finding.ShouldHaveBasis("TPMT phenotype", "pharmacogenomics", "no result on file");
        finding.ShouldHaveBasis("NUDT15 phenotype", "pharmacogenomics[1]", "normal metabolizer");
    }
}
