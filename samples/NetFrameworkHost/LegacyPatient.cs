using System;
using System.Collections.Generic;

namespace NetFrameworkHost
{
    /// <summary>The host's own, mutable patient record, as a .NET Framework application already has one.</summary>
    public class LegacyPatient
    {
        public LegacyPatient()
        {
            Medications = new List<LegacyMedication>();
            Labs = new List<LegacyLab>();
            Genotypes = new Dictionary<string, string>();
            Indications = new List<string>();
        }

        /// <summary>Indications by the contract's names, e.g. "rheumatoidArthritis".</summary>
        public List<string> Indications { get; private set; }

        public string Id { get; set; }

        public DateTime DateOfBirth { get; set; }

        /// <summary>"M", "F" or anything else for unknown.</summary>
        public string SexCode { get; set; }

        /// <summary>True when azathioprine is being considered; false when the patient already takes it.</summary>
        public bool ConsideringAzathioprine { get; set; }

        /// <summary>Gene ("TPMT", "NUDT15") to diplotype ("*3A/*3A").</summary>
        public Dictionary<string, string> Genotypes { get; private set; }

        public DateTime? GenotypeDate { get; set; }

        public List<LegacyMedication> Medications { get; private set; }

        public List<LegacyLab> Labs { get; private set; }
    }

    /// <summary>A medicine on the host's medication list.</summary>
    public class LegacyMedication
    {
        public string Name { get; set; }

        public string RxNorm { get; set; }

        public DateTime? Started { get; set; }
    }

    /// <summary>A laboratory result in the host's database.</summary>
    public class LegacyLab
    {
        public string Loinc { get; set; }

        public string Name { get; set; }

        public double Value { get; set; }

        public string Unit { get; set; }

        public DateTime Taken { get; set; }
    }
}
