using System;
using Imuran.ClinicalRules.Cli;

return CliApp.Run(args, Console.In, Console.Out, Console.Error, Console.OpenStandardInput);
