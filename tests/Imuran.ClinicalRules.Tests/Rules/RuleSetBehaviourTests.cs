using Imuran.ClinicalRules.Engine;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Rules;
using Imuran.ClinicalRules.Rules.Model;
using static Imuran.ClinicalRules.Tests.Rules.RuleAssertions;

namespace Imuran.ClinicalRules.Tests.Rules;

/// <summary>
/// Behaviour across rules: phenotype derivation by forward chaining, the data-quality findings it raises, the order
/// of findings, and the no-dose policy and summary limit over a cohort that makes every finding rule fire.
/// </summary>
public class RuleSetBehaviourTests
{
    private static readonly PatientFacts Quiet = Patients.Quiet();

    private sealed class Recorder : IRuleEventListener
    {
        public List<string> Fired { get; } = new();

        public List<object> Inserted { get; } = new();

        public void FactInserted(object fact) => Inserted.Add(fact);

        public void RuleFired(RuleMetadata rule, IReadOnlyList<object> facts) => Fired.Add(rule.Id);

        public void ConditionEvaluated(RuleMetadata rule, int conditionIndex, bool holds)
        {
        }
    }

    // Forward chaining: diplotype -> derived phenotype -> finding

    [Fact]
    public void Evaluate_TpmtDiplotype3A3A_DerivesPoorPhenotypeBeforePhenotypeRuleFires()
    {
        var recorder = new Recorder();

        var result = Evaluate(Quiet.WithPgx(Patients.Tpmt("*3A/*3A"), Patients.Nudt15("*1/*1")), listener: recorder);

        var call = recorder.Inserted.OfType<PhenotypeCall>().Should().ContainSingle(c => c.Gene == Gene.Tpmt).Subject;
        call.Phenotype.Should().Be(MetabolizerPhenotype.Poor);
        call.Basis.Should().Be("diplotype *3A/*3A (CPIC: poor metabolizer)");
        recorder.Fired.IndexOf("AZA-DRV-001").Should().BeGreaterThanOrEqualTo(0).And.BeLessThan(recorder.Fired.IndexOf("AZA-PGX-001"));
        recorder.Fired.Should().NotContain(new[] { "AZA-DRV-003", "AZA-DRV-004" }, "both genes have a derived phenotype, so neither is missing");
        recorder.Inserted.OfType<MissingGeneResult>().Should().BeEmpty();
        result.ShouldRaise("AZA-PGX-001");
    }

    [Fact]
    public void Evaluate_NoResults_DerivesMissingGenesThatTheTestingRuleReads()
    {
        var recorder = new Recorder();

        var result = Evaluate(Quiet.Considering().WithoutPgx(), listener: recorder);

        recorder.Inserted.OfType<MissingGeneResult>().Select(m => m.Gene).Should().BeEquivalentTo(new[] { Gene.Tpmt, Gene.Nudt15 });
        recorder.Fired.IndexOf("AZA-DRV-003").Should().BeLessThan(recorder.Fired.IndexOf("AZA-PGX-008"));
        result.ShouldRaise("AZA-PGX-008");
    }

    [Fact]
    public void Evaluate_AlleleOrderReversed_DerivesTheSamePhenotype()
    {
        Evaluate(Quiet.WithPgx(Patients.Tpmt("*3A/*1"), Patients.Nudt15("*3/*1"))).ShouldRaise("AZA-PGX-005");
    }

    // Phenotype conflicts and unknown alleles raise AZA-DQ-001 and use the more cautious phenotype

    [Fact]
    public void AZA_DQ_001_ReportedPhenotypeDisagreesWithDiplotype_Fires()
    {
        var result = Evaluate(Quiet.WithPgx(Patients.Tpmt("*1/*3A", MetabolizerPhenotype.Normal), Patients.Nudt15("*1/*1")));

        var dq = result.ShouldRaise("AZA-DQ-001");
        dq.Summary.Should().Be("Check the TPMT result: the reported phenotype disagrees with the diplotype.");
        dq.ShouldHaveBasis("TPMT result", "pharmacogenomics[0]", "the reported phenotype (normal metabolizer) disagrees with the diplotype *1/*3A (intermediate metabolizer by CPIC)");
        result.ShouldRaise("AZA-PGX-003").ShouldHaveBasis("TPMT phenotype", "pharmacogenomics[0]", "intermediate metabolizer (diplotype *1/*3A");
    }

    [Fact]
    public void AZA_DQ_001_ReportedPoorDiplotypeIntermediate_Boundary_ReportedPoorIsUsed()
    {
        var result = Evaluate(Quiet.WithPgx(Patients.Tpmt("*1/*3A", MetabolizerPhenotype.Poor), Patients.Nudt15("*1/*1")));

        result.ShouldRaise("AZA-DQ-001");
        result.ShouldRaise("AZA-PGX-001").ShouldHaveBasis("TPMT phenotype", "pharmacogenomics[0]", "poor metabolizer (reported phenotype poor metabolizer)");
        result.ShouldNotRaise("AZA-PGX-003");
    }

    [Fact]
    public void AZA_DQ_001_LongestPhenotypeNames_Boundary_SummaryStaysUnder140()
    {
        // "possible intermediate metabolizer" against "*1/*1" once made a 146-character summary.
        var result = Evaluate(Quiet.WithPgx(Patients.Tpmt("*1/*1", MetabolizerPhenotype.PossibleIntermediate), Patients.Nudt15("*1/*1")));

        result.ShouldRaise("AZA-DQ-001").Summary.Length.Should().BeLessThan(140);
        result.ShouldRaise("AZA-PGX-003").Summary.Should().StartWith("TPMT possible intermediate metabolizer:");
    }

    [Fact]
    public void AZA_DQ_001_SeveralResultsDisagree_Fires()
    {
        var activity = Patients.Phenotype(Gene.Tpmt, MetabolizerPhenotype.Normal, TestMethod.Activity);
        var patient = Quiet.WithPgx(Patients.Tpmt("*1/*3A"), Patients.Tpmt("*1/*5"), activity, Patients.Nudt15("*1/*1"));

        var result = Evaluate(patient);

        var dq = result.ShouldRaise("AZA-DQ-001");
        dq.Summary.Should().Be("Check the TPMT results: the results on file disagree.");
        dq.ShouldHaveBasis("TPMT results", "pharmacogenomics",
            "diplotype *1/*3A (CPIC: intermediate metabolizer); diplotype *1/*5 (CPIC: indeterminate); reported phenotype normal metabolizer");
        result.ShouldRaise("AZA-PGX-003"); // the most cautious result (intermediate) is used
        result.ShouldNotRaise("AZA-PGX-006");
    }

    [Fact]
    public void AZA_DQ_001_AgreeingResults_DoesNotFire()
    {
        var patient = Quiet.WithPgx(Patients.Tpmt("*1/*3A", MetabolizerPhenotype.Intermediate), Patients.Phenotype(Gene.Tpmt, MetabolizerPhenotype.Intermediate), Patients.Nudt15("*1/*1"));

        Evaluate(patient).ShouldNotRaise("AZA-DQ-001");
    }

    [Fact]
    public void AZA_DQ_001_AlleleNotInCpicTable_Fires()
    {
        var result = Evaluate(Quiet.WithPgx(Patients.Tpmt("*1/*60"), Patients.Nudt15("*1/*1")));

        var dq = result.ShouldRaise("AZA-DQ-001");
        dq.Summary.Should().Be("Check the TPMT diplotype: *1/*60 includes an allele not in the CPIC allele-function table.");
        dq.ShouldHaveBasis("TPMT diplotype", "pharmacogenomics[0]", "*1/*60 includes an allele not in the CPIC table of 2025-11-05-00-25");
        dq.Detail.Should().Be("Unknown is not normal: its function is taken as unknown, so the phenotype is indeterminate.");
        result.ShouldRaise("AZA-PGX-006").ShouldHaveBasis("TPMT phenotype", "pharmacogenomics[0]", "indeterminate (diplotype *1/*60");
    }

    [Fact]
    public void AZA_DQ_001_UnknownAlleleWithNoFunctionPartner_Boundary_PossibleIntermediate()
    {
        var result = Evaluate(Quiet.WithPgx(Patients.Tpmt("*3A/*60"), Patients.Nudt15("*1/*1")));

        result.ShouldRaise("AZA-DQ-001").Detail.Should().Be(
            "Unknown is not normal: its function is taken as unknown, so the phenotype is possible intermediate metabolizer.");
        result.ShouldRaise("AZA-PGX-003").Summary.Should().StartWith("TPMT possible intermediate metabolizer:");
        result.ShouldNotRaise("AZA-PGX-006");
    }

    [Fact]
    public void AZA_DQ_001_VeryLongUnknownAllele_Boundary_SummaryStaysUnder140()
    {
        var result = Evaluate(Quiet.WithPgx(Patients.Tpmt("*1/*123456789012345678901234567890123456789012345678901234567890"), Patients.Nudt15("*1/*1")));

        var dq = result.ShouldRaise("AZA-DQ-001");
        dq.Summary.Should().Be("Check the TPMT diplotype: the diplotype includes an allele not in the CPIC allele-function table.");
        dq.ShouldHaveBasis("TPMT diplotype", "pharmacogenomics[0]", "*1/*123456789012345678901234567890123456789012345678901234567890");
    }

    // Findings order

    [Fact]
    public void Evaluate_ManyFindings_OrderedCriticalFirstThenByRuleId()
    {
        var patient = Quiet.Pregnant().WithSetting(CareSetting.Dispensing).WithIndications(Indication.KidneyTransplant)
            .WithMedications(Patients.Med("Mercaptopurine"), Patients.Med("Allopurinol"), Patients.PastMed("Cyclophosphamide"), Patients.Med("Tacrolimus"))
            .WithLabs(Patients.Lab(LabKind.Platelets, 20, 1, LabFlag.CriticallyLow));

        var result = Evaluate(patient);

        result.ShouldRaiseExactly(
            "AZA-CYT-002", "AZA-INT-001", "AZA-INT-009",
            "AZA-ALK-002", "AZA-PRG-002",
            "AZA-HND-001", "AZA-INT-008", "AZA-MAL-005");  // no routine AZA-CBC-002: the critical count needs urgent review instead
        result.HighestSeverity.Should().Be(Severity.Critical);
    }

    [Fact]
    public void Evaluate_EveryCohortPatient_FindingsAreSortedBySeverityThenRuleId()
    {
        foreach (var (name, patient) in Cohort())
        {
            var findings = Evaluate(patient).Findings;

            for (var i = 1; i < findings.Count; i++)
            {
                var (a, b) = (findings[i - 1], findings[i]);
                var inOrder = a.Severity > b.Severity || (a.Severity == b.Severity && string.CompareOrdinal(a.RuleId, b.RuleId) <= 0);
                inOrder.Should().BeTrue($"{name}: {a.RuleId} ({a.Severity}) must come before {b.RuleId} ({b.Severity})");
            }
        }
    }

    // No-dose policy and summary limit across a cohort in which every finding rule fires

    [Fact]
    public void Evaluate_Cohort_EveryFindingRuleFiresAtLeastOnce()
    {
        var fired = Cohort().SelectMany(c => Evaluate(c.Patient).Findings.Select(f => f.RuleId)).ToHashSet();

        ClinicalRuleSet.Default.Rules.Should().HaveCount(58);
        ClinicalRuleSet.Default.Rules.Select(r => r.Id).Except(fired).Should().BeEmpty("the cohort must exercise every finding rule");
    }

    [Theory]
    [MemberData(nameof(CohortNames))]
    public void Evaluate_CohortPatient_EveryFindingPassesNoDosePolicyAndSummaryLimit(string name)
    {
        var patient = Cohort().Single(c => c.Name == name).Patient;

        var result = ClinicalRuleSet.Default.Evaluate(patient);

        result.IsComplete.Should().BeTrue();
        result.Findings.Should().NotBeEmpty();
        foreach (var finding in result.Findings)
        {
            foreach (var text in new[] { finding.Summary, finding.Detail, finding.Review })
            {
                NoDosePolicy.FindViolation(text).Should().BeNull($"{name}: {finding.RuleId}: \"{text}\"");
            }

            finding.Summary.Length.Should().BeLessThan(140, $"{name}: {finding.RuleId}: \"{finding.Summary}\"");
        }
    }

    [Fact]
    public void Rules_EveryTitle_PassesNoDosePolicy()
    {
        foreach (var rule in ClinicalRuleSet.Default.Rules)
        {
            NoDosePolicy.FindViolation(rule.Title).Should().BeNull(rule.Id);
        }
    }

    // NoDosePolicy.FindViolation: the reason names the kind of forbidden text (it is what a rule author reads when the
    // rule set refuses to build), whatever the letter case of the text.

    [Theory]
    [InlineData("Weigh the DOSE with the prescriber.", "a dose word ('DOSE')")]
    [InlineData("Give 50 MG daily.", "a mass or dose unit ('MG')")]
    [InlineData("A 30 % fall.", "a percentage ('%')")]
    [InlineData("Give 1/2 of it.", "a fraction ('1/2')")]
    [InlineData("Reduce the azathioprine regimen.", "an instruction to change a medicine's amount ('Reduce the azathioprine regimen')")]
    [InlineData("Titrated slowly.", "an instruction to change a medicine's amount ('Titrated')")]
    [InlineData("STOP AZATHIOPRINE now.", "an instruction to start or stop a medicine ('STOP AZATHIOPRINE')")]
    [InlineData("Blood counts every week.", null)]
    public void FindViolation_NamesTheKindOfForbiddenText(string text, string? expected)
    {
        NoDosePolicy.FindViolation(text).Should().Be(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void FindViolation_NoText_IsClean(string? text)
    {
        NoDosePolicy.FindViolation(text).Should().BeNull();
    }

    // NoDosePolicy.RedactStrength, used for input names echoed in a finding's basis

    [Theory]
    [InlineData("", "")]
    [InlineData("Allopurinol 300 MG Oral Tablet", "Allopurinol")]
    [InlineData("Sulfamethoxazole 800 MG / Trimethoprim 160 MG Oral Tablet", "Sulfamethoxazole / Trimethoprim")]
    [InlineData("Humira 40 MG/0.8ML Prefilled Syringe", "Humira Prefilled Syringe")]
    [InlineData("  Azathioprine  ", "Azathioprine")]
    [InlineData("Co  trimoxazole", "Co  trimoxazole")] // nothing stripped: the name is kept as written, its spaces too
    [InlineData("300 MG Oral Tablet", NoDosePolicy.StrengthOnly)]
    public void RedactStrength_InputName_LosesOnlyItsStrength(string text, string expected)
    {
        NoDosePolicy.RedactStrength(text).Should().Be(expected);
        NoDosePolicy.RedactStrength(text).Should().Be(expected, "a remembered redaction is the same");
    }

    [Theory]
    [InlineData("Allopurinol 300 mg - halve the azathioprine")]
    [InlineData("Allopurinol 300 mg - reduce azathioprine to one quarter")]
    [InlineData("azathioprine one-third of usual")]
    [InlineData("Imuran 1/2 tab")]
    [InlineData("warfarin take 2")]
    [InlineData("mesalamine twice daily")]
    [InlineData("Pentasa 2 times a day")]
    [InlineData("tacrolimus BD")]
    [InlineData("co-trimoxazole q12h")]
    [InlineData("MMR 0.5 mL (2nd dose)")]
    [InlineData("reduce the azathioprine")]
    [InlineData("allopurinol 100 mg, stop azathioprine")]
    public void RedactStrength_NameStillCarryingDosingTextOnceItsStrengthIsGone_IsWithheldWhole(string text)
    {
        // QA, 2 Dec: only strengths were removed, so fractions, frequencies and instructions in free-text names were echoed.
        NoDosePolicy.RedactStrength(text).Should().Be(NoDosePolicy.AmountOrInstructionOnly);
        NoDosePolicy.FindViolation(NoDosePolicy.AmountOrInstructionOnly).Should().BeNull("the marker itself must pass the policy");
        NoDosePolicy.SafeEcho(text, 200).Should().BeNull();
    }

    [Theory]
    [InlineData("MMR 0.5 mL", "MMR")]
    [InlineData("Tacrolimus BDX", "Tacrolimus BDX")] // boundary: a frequency abbreviation only as a whole word
    [InlineData("Dailymed allopurinol", "Dailymed allopurinol")]
    [InlineData("Octasa 400 MG Gastro-resistant Tablet", "Octasa Gastro-resistant")]
    [InlineData("Omega-3 capsules", "Omega-3")] // boundary: a number joined to the name by a hyphen is not a count of capsules
    [InlineData("Allopurinol 300 MG 1½ Oral Tablet", NoDosePolicy.AmountOrInstructionOnly)] // the count keeps its form, then withholds
    public void RedactStrength_NameWithoutDosingTextOnceItsStrengthIsGone_IsKept(string text, string expected) =>
        NoDosePolicy.RedactStrength(text).Should().Be(expected);

    // QA, CDS Hooks: a count of tablets, a vulgar fraction (½), a daily regimen (1-0-1), a multiplier (x2), a roman
    // count (ii tabs) or a full-width unit left in a name once its strengths were removed was echoed verbatim (or
    // worse, cut in half: "Allopurinol ½ tablet" became "Allopurinol ½"). Each is withheld whole, the fragment gone.

    [Theory]
    [InlineData("Allopurinol ½ tablet", "½")]
    [InlineData("Allopurinol 1½ tablets", "1½")]
    [InlineData("Allopurinol 1.5 tab", "1.5 tab")]
    [InlineData("Allopurinol 1 tab", "1 tab")]
    [InlineData("Allopurinol 1 tab od", "1 tab")]
    [InlineData("Allopurinol 2 tabs", "2 tabs")]
    [InlineData("Allopurinol 2 tablets", "2")]
    [InlineData("Allopurinol 1-0-1", "1-0-1")]
    [InlineData("Allopurinol 0-0-1", "0-0-1")]
    [InlineData("Allopurinol 1 - 1 - 1 - 1", "1 - 1")]
    [InlineData("Allopurinol x2", "x2")]
    [InlineData("Allopurinol 2x", "2x")]
    [InlineData("Allopurinol ×2", "×2")]
    [InlineData("Allopurinol ii tabs", "ii tabs")]
    [InlineData("Allopurinol one tablet", "one")]
    [InlineData("Allopurinol 1-2 tablets", "1-2")]
    [InlineData("Allopurinol 300 Oral Tablet", "300")]
    [InlineData("Allopurinol 100 ｍｇ", "100")] // full-width unit
    [InlineData("Allopurinol １００ ｍｇ", "１００")] // full-width digits and unit
    [InlineData("Allopurinol １００ｍｇ", "ｍｇ")]
    [InlineData("Allopurinol ¾", "¾")]
    [InlineData("Allopurinol½", "½")]
    [InlineData("Colchicine ½ tab", "½")]
    [InlineData("Frobnicate 1 tab od", "1 tab")]
    [InlineData("Gout 1.5 tab", "1.5")]
    [InlineData("Urate 1.5 tab", "1.5")]
    [InlineData("Penicillin 1.5 tab", "1.5")]
    [InlineData("Salbutamol 2 puffs", "2 puffs")]
    [InlineData("Chloramphenicol 1 drop", "1 drop")]
    [InlineData("Macrogol 1 sachet", "1 sachet")]
    [InlineData("Insulin ii units", "ii units")]
    [InlineData("Nicotine 1 patch", "1 patch")]
    [InlineData("Lactulose 2 tsp", "2 tsp")]
    public void RedactStrength_NameCarryingACountAFractionARegimenOrAMultiplier_IsWithheldWhole(string text, string fragment)
    {
        NoDosePolicy.RedactStrength(text).Should().Be(NoDosePolicy.AmountOrInstructionOnly);
        NoDosePolicy.RedactStrength(text).Should().Be(NoDosePolicy.AmountOrInstructionOnly, "a remembered redaction is the same");
        NoDosePolicy.ShownName(text, "allopurinol").Should().Be("allopurinol " + NoDosePolicy.AmountOrInstructionOnly)
            .And.NotContain(fragment);
        NoDosePolicy.SafeEcho(text, 200).Should().BeNull();
    }

    [Theory]
    [InlineData("Vitamin B12")]
    [InlineData("COVID-19 vaccine")]
    [InlineData("MMR II")]
    [InlineData("Hepatitis B vaccine")]
    [InlineData("Hepatitis B vaccine (2 of 3)", false)] // a vaccine's series number; as a medicine's name, a standalone number withholds it
    [InlineData("HbA1c")]
    [InlineData("Type 2 diabetes mellitus", false)] // a condition's; likewise
    [InlineData("25-hydroxyvitamin D")]
    [InlineData("6-mercaptopurine")]
    [InlineData("Influenza, injectable, quadrivalent")]
    [InlineData("Tdap")]
    [InlineData("CD4 count")]
    [InlineData("BDX")]
    [InlineData("HIV 1+2 antibody")]
    [InlineData("Ceftriaxone IV vial")] // boundary: IV is the route, not the roman count four
    [InlineData("Factor Xa")]
    [InlineData("Vitamin B₁₂")] // kept as written: only the matching sees the compatibility form (B12)
    [InlineData("Behc\u0327et disease")] // a decomposed letter: kept as written, not recomposed
    public void RedactStrength_NameWithoutDosingText_IsKeptAsWritten(string text, bool alsoAsAMedicineName = true)
    {
        NoDosePolicy.RedactStrength(text).Should().Be(text, "ordinal: not even normalised");
        NoDosePolicy.RedactMedicineName(text).Should().Be(alsoAsAMedicineName ? text : NoDosePolicy.AmountOrInstructionOnly);
        NoDosePolicy.SafeEcho(text, 200).Should().Be(text);
    }

    // A standalone number after a medicine's name is its strength with the unit left off. Only for medicine names: a
    // vaccine in the medicine list loses its valency too ("Prevnar 13"), which is the safe side; the vaccination
    // list, where vaccines are read, keeps it.
    [Theory]
    [InlineData("Allopurinol 300", "300")]
    [InlineData("Frobnicate 2,5", "2,5")]
    [InlineData("Allopurinol (300)", "300")]
    [InlineData("Allopurinol ３００", "３００")]
    [InlineData("Allopurinol 300.", "300")]
    [InlineData("Prevnar 13", "13")]
    public void RedactMedicineName_StandaloneNumber_IsWithheldWhole(string text, string fragment)
    {
        NoDosePolicy.RedactMedicineName(text).Should().Be(NoDosePolicy.AmountOrInstructionOnly).And.NotContain(fragment);
        NoDosePolicy.RedactMedicineName("300 MG").Should().Be(NoDosePolicy.StrengthOnly, "a name that is only a strength says so");
    }

    [Theory]
    [InlineData("Repeat the blood count in 2 weeks.")]
    [InlineData("Blood counts weekly for 8 weeks, then every 1-3 months.")]
    [InlineData("A 2x rise in ALT.")]
    public void FindViolation_EchoOnlyPatterns_DoNotApplyToTheRulesOwnTexts(string text) =>
        NoDosePolicy.FindViolation(text).Should().BeNull();

    [Fact]
    public void Evaluate_MedicationNamesWithACountOrABareNumber_AreWithheld_TheIngredientStillShown()
    {
        // QA, CDS Hooks: "Allopurinol 300" (a bare number after a medicine name is its strength) and "Allopurinol ½
        // tablet" were echoed; an unrecognised medicine's name was too.
        var result = Evaluate(Quiet.WithMedications(Patients.Med("Allopurinol 300", "519"), Patients.Med("Frobnicate 300"), Patients.Med("Frobnicate 1 tab od")));

        result.ShouldRaise("AZA-INT-001").ShouldHaveBasis("medication", "medications[0]").Value
            .Should().StartWith("allopurinol ((name withheld: it carries amounts or instructions)").And.NotContain("300");
        result.Unrecognised.Select(u => u.Text).Should().Equal(NoDosePolicy.AmountOrInstructionOnly, NoDosePolicy.AmountOrInstructionOnly);
    }

    [Fact]
    public void Evaluate_NotRecognisedConditionsLabsAllergiesAndVaccines_WithACount_AreWithheld()
    {
        var result = Evaluate(Quiet
            .WithConditions(Patients.Condition("Gout 1.5 tab"), Patients.Condition("Frobnitz ½ tablet"), Patients.Condition("Type 2 diabetes mellitus"))
            .WithLabs(new LabResult { Name = "Urate 1.5 tab", Value = 1, Unit = "mg/L", Date = Patients.DaysAgo(3) })
            .WithAllergies(new Allergy { Substance = "Penicillin 1.5 tab" })
            .WithVaccinations(Patients.Vaccine("Frobnitz vaccine x2", null, 10), Patients.Vaccine("Frobnitz vaccine 2", null, 10)));

        result.Unrecognised.Where(u => u.Category is "lab" or "allergy").Select(u => u.Text).Should().OnlyContain(t => t == NoDosePolicy.AmountOrInstructionOnly).And.HaveCount(2);
        result.Unrecognised.Where(u => u.Category == "condition").Select(u => u.Text).Should().Equal(NoDosePolicy.AmountOrInstructionOnly, NoDosePolicy.AmountOrInstructionOnly, "Type 2 diabetes mellitus");
        result.Unrecognised.Where(u => u.Category == "vaccine").Select(u => u.Text)
            .Should().Equal(NoDosePolicy.AmountOrInstructionOnly, "Frobnitz vaccine 2"); // the bare number rule is for medicine names only
    }

    [Theory]
    [InlineData("Reduce dose to 25 mg daily", true)]
    [InlineData("halve the azathioprine", true)]
    [InlineData("patient twice daily", true)]
    [InlineData("John Smith", false)] // white space but no dosing text
    [InlineData("MRN-MG-0042", false)] // boundary: no white space, so an identifier however it reads
    [InlineData("2024/17", false)]
    [InlineData("dose-25mg", false)]
    public void IsDosingFreeText_OnlyFreeTextThatReadsAsDosing(string id, bool expected) =>
        NoDosePolicy.IsDosingFreeText(id).Should().Be(expected);

    // NoDosePolicy.SafeEcho, used to show input names in summaries

    [Theory]
    [InlineData("MMR", 40, "MMR")]
    [InlineData("Allopurinol 300 MG Oral Tablet", 40, "Allopurinol")]
    [InlineData("MMR II (2nd dose)", 40, null)]
    [InlineData("Varicella 1/2 vial", 40, null)]
    [InlineData("0.5 mL", 40, null)]
    [InlineData("   ", 40, null)]
    [InlineData(null, 40, null)]
    [InlineData("Yellow fever vaccine", 10, null)]
    [InlineData("Zostavax", 8, "Zostavax")] // exactly the longest allowed
    [InlineData("Zostavax", 7, null)]
    public void SafeEcho_InputName_ReturnsCleanShortNameOrNull(string? text, int maxLength, string? expected)
    {
        NoDosePolicy.SafeEcho(text, maxLength).Should().Be(expected);
    }

    public static TheoryData<string> CohortNames()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in Cohort())
        {
            data.Add(name);
        }

        return data;
    }

    /// <summary>
    /// Busy patients that together make every finding rule fire. Names carry strengths, dose words and fractions as
    /// real records do, so the texts are checked against echoed input too.
    /// </summary>
    private static IEnumerable<(string Name, PatientFacts Patient)> Cohort()
    {
        yield return ("quiet", Quiet);

        yield return ("new start, prescribing, pregnant with RA", Quiet.Aged(30).Considering().WithSetting(CareSetting.Prescribing).Pregnant()
            .WithIndications(Indication.RheumatoidArthritis).WithoutPgx()
            .WithAllergies(new Allergy { Substance = "Azathioprine 50 mg tablets" })
            .WithMedications(Patients.PastMed("Cyclophosphamide 50 MG Oral Tablet", "3002"), Patients.Med("Allopurinol 300 MG Oral Tablet (1/2 tablet daily)", "519")));

        yield return ("pregnant with cholestasis, breastfeeding, transplant, many conditions", (Quiet.Pregnant() with { PruritusInPregnancy = true, Breastfeeding = true })
            .WithSetting(CareSetting.Dispensing).WithIndications(Indication.KidneyTransplant)
            .WithConditions(
                Patients.Condition("Malignant neoplastic disease", "363346000"),
                Patients.Condition("Melanoma, 50% excised"),
                Patients.Condition("Sepsis"),
                Patients.Condition("Chronic viral hepatitis B", "B18.1", "icd-10-cm"),
                Patients.Condition("CKD stage 3", "N18.3", "icd-10-cm"),
                Patients.Condition("Cirrhosis of liver", "19943007")));

        yield return ("young man with Crohn's on a TNF blocker and many co-medications, planning a conception", (Quiet.Male().Aged(20) with { PlannedConception = true })
            .WithIndications(Indication.CrohnsDisease)
            .WithMedications(
                Patients.Med("Humira 40 MG/0.8ML Prefilled Syringe"),
                Patients.Med("Febuxostat 40 MG Oral Tablet", "834235"),
                Patients.Med("Mesalamine 1.2 G Delayed Release Oral Tablet"),
                Patients.Med("Sulfamethoxazole 800 MG / Trimethoprim 160 MG Oral Tablet"),
                Patients.Med("Lisinopril 10 MG Oral Tablet", "29046"),
                Patients.Med("Warfarin 5 MG (half tablet on Mondays)", "11289"),
                Patients.Med("Ribavirin 200 MG Oral Capsule"),
                Patients.Med("Methotrexate 2.5 MG/ML Injectable Solution", "6851"),
                Patients.Med("Mercaptopurine 50 MG Oral Tablet", "103"),
                Patients.Med("Chlorambucil 2 MG Oral Tablet", "197462")));

        yield return ("boy of 16 with colitis, live vaccine and new neurological signs", (Quiet.Male().Aged(16).WithIndications(Indication.UlcerativeColitis)
                with { NewNeurologicalSigns = new[] { NeurologicalSign.Confusion } })
            .WithVaccinations(Patients.Vaccine("MMR (2nd dose) 0.5 mL", "03", 3)));

        yield return ("falling counts, low eGFR, raised ALT, no pgx results", Quiet.WithoutPgx()
            .WithLabs(
                Patients.Lab(LabKind.WhiteCells, 5.0, 1, LabFlag.Low),
                Patients.Lab(LabKind.Platelets, 20, 1, LabFlag.CriticallyLow),
                Patients.Egfr(45, 1),
                Patients.Lab(LabKind.Alt, 140, 1, LabFlag.High)));

        yield return ("overdue blood count after a regimen change, no liver tests", Quiet
            .WithTherapy(TherapyStatus.Continuing, Patients.TherapyStart, Patients.DaysAgo(7))
            .WithBloodCountDaysAgo(40).WithoutLiverTests());

        yield return ("TPMT and NUDT15 poor", Quiet.WithPgx(Patients.Tpmt("*3A/*3A"), Patients.Nudt15("*3/*3")));
        yield return ("TPMT intermediate, NUDT15 indeterminate", Quiet.WithPgx(Patients.Tpmt("*1/*3A"), Patients.Nudt15("*1/*4")));
        yield return ("TPMT indeterminate, NUDT15 intermediate", Quiet.WithPgx(Patients.Tpmt("*1/*5"), Patients.Nudt15("*1/*3")));

        yield return ("both intermediate, activity after transfusion", (Quiet with { LastRedCellTransfusion = Patients.DaysAgo(40) })
            .WithPgx(Patients.Tpmt("*1/*3A"), Patients.Nudt15("*1/*3"))
            .WithLabs(Patients.Lab(LabKind.TpmtActivity, 9.5, 20)));

        yield return ("no birth date, pregnancy unknown, conflicting TPMT", (Quiet with { BirthDate = null, PregnancyStatus = PregnancyStatus.Unknown })
            .WithPgx(Patients.Tpmt("*1/*1", MetabolizerPhenotype.PossibleIntermediate), Patients.Tpmt("*1/*60"), Patients.Nudt15("*1/*1")));

        yield return ("considering, pregnancy unknown, new mesalamine and lisinopril", Quiet.Considering()
            .WithMedications(Patients.Med("mesalamine", startedDaysAgo: 20), Patients.Med("lisinopril", startedDaysAgo: 20)) with { PregnancyStatus = PregnancyStatus.Unknown });

        yield return ("continuing, pregnancy unknown, long-standing mesalamine and lisinopril on stable counts, critically high ALT", Quiet
            .WithMedications(Patients.Med("Mesalamine 1.2 G Delayed Release Oral Tablet"), Patients.Med("Lisinopril 10 MG Oral Tablet", "29046"))
            .WithoutLabs(LabKind.Alt).WithLabs(Patients.Lab(LabKind.Alt, 900, 1, LabFlag.CriticallyHigh)) with { PregnancyStatus = PregnancyStatus.Unknown });
    }
}
