System.Console.WriteLine("SeedScenarios: not written yet.");
