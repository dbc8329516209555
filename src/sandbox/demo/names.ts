/** Synthetic names: common UK first names and surnames combined at random. No real person is meant. */
export const FIRST_NAMES = [
  "Olivia", "Amelia", "Isla", "Ava", "Ivy", "Freya", "Lily", "Florence", "Mia", "Willow", "Rosie", "Sophia", "Isabella",
  "Grace", "Daisy", "Sienna", "Poppy", "Elsie", "Emily", "Ella", "Evelyn", "Phoebe", "Sofia", "Evie", "Charlotte",
  "Harper", "Millie", "Matilda", "Maya", "Aisha", "Zara", "Amira", "Noah", "Oliver", "George", "Arthur", "Muhammad",
  "Leo", "Harry", "Oscar", "Archie", "Henry", "Theodore", "Freddie", "Jack", "Charlie", "Theo", "Alfie", "Jacob",
  "Thomas", "Finley", "Arlo", "William", "Lucas", "Roman", "Tommy", "Isaac", "Teddy", "Alexander", "Luca", "Edward",
  "James", "Joshua", "Albie", "Elijah", "Max", "Mohammed", "Reggie", "Hudson", "Kai", "Ibrahim", "Ethan", "Kofi",
];
export const SURNAMES = [
  "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson", "Wright",
  "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Thomas", "Clarke", "Jackson", "Wood", "Harris",
  "Edwards", "Turner", "Martin", "Cooper", "Hill", "Ward", "Hughes", "Moore", "Clark", "King", "Harrison", "Lewis",
  "Baker", "Lee", "Allen", "Morris", "Khan", "Scott", "Watson", "Davis", "Parker", "James", "Bennett", "Young",
  "Phillips", "Richardson", "Mitchell", "Bailey", "Carter", "Cook", "Singh", "Shaw", "Bell", "Collins", "Morgan",
  "Kelly", "Begum", "Miller", "Cox", "Hussain", "Marshall", "Simpson", "Price", "Anderson", "Adams", "Wilkinson",
  "Okafor", "Mensah", "Nowak", "Kowalski", "Ahmed", "Ali", "Rahman", "Chowdhury", "Osei", "Murphy", "O'Brien",
];
