using System.IO;
using Imuran.ClinicalRules.Serialization;
using Imuran.ClinicalRules.Tests.Support;
using NetFrameworkHost;

namespace Imuran.ClinicalRules.Tests.Samples;

/// <summary>The C# 7.3 / netstandard2.0 sample builds facts through the JSON contract and gets the same findings.</summary>
public class NetFrameworkHostTests
{
    [Fact]
    public void Check_LegacyRecordOfTheFlagshipPatient_SameFindingsAsTheSampleFile()
    {
        var patient = new LegacyPatient
        {
            Id = "tpmt-poor-allopurinol",
            DateOfBirth = new DateTime(1961, 3, 14),
            SexCode = "M",
            ConsideringAzathioprine = true,
            GenotypeDate = new DateTime(2026, 10, 30),
        };
        patient.Indications.Add("rheumatoidArthritis");
        patient.Genotypes["TPMT"] = "*3A/*3A";
        patient.Genotypes["NUDT15"] = "*1/*1";
        patient.Medications.Add(new LegacyMedication { Name = "Allopurinol 300 MG Oral Tablet", RxNorm = "519", Started = new DateTime(2024, 5, 1) });
        patient.Medications.Add(new LegacyMedication { Name = "Atorvastatin 20 MG Oral Tablet", Started = new DateTime(2022, 1, 10) });
        patient.Labs.Add(new LegacyLab { Loinc = "6690-2", Name = "WBC", Value = 6.2, Unit = "10*9/L", Taken = new DateTime(2026, 11, 15) });
        patient.Labs.Add(new LegacyLab { Loinc = "33914-3", Name = "eGFR", Value = 72, Unit = "mL/min/{1.73_m2}", Taken = new DateTime(2026, 11, 15) });

        var lines = LegacyCheck.Check(patient, new DateTime(2026, 11, 22));

        var sample = ClinicalRuleSet.Default.Evaluate(PatientFactsJson.Read(File.ReadAllText(RepoPaths.InRepo("samples", "patients", "tpmt-poor-allopurinol.json"))).Facts!);
        lines.Select(l => l.Split(' ')[1]).Should().Equal(sample.Findings.Select(f => f.RuleId));
        lines[0].Should().StartWith("critical AZA-");
    }

    [Fact]
    public void Check_RecordWithAProblem_NamesTheFieldInsteadOfEvaluating()
    {
        var patient = new LegacyPatient { Id = "x", DateOfBirth = new DateTime(1970, 1, 1), SexCode = "F" };
        patient.Labs.Add(new LegacyLab { Loinc = "6690-2", Name = "WBC", Value = 5, Unit = string.Empty, Taken = new DateTime(2026, 1, 1) });

        var lines = LegacyCheck.Check(patient, new DateTime(2026, 1, 2));

        lines.Should().ContainSingle().Which.Should().StartWith("PROBLEM labResults[0].unit");
    }
}
