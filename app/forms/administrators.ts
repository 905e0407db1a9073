// Appointing a system administrator on the administrators page: the person's name and email address.
import { z } from "zod";
import { emailAddress, requiredText } from "./fields";

export const AppointAdministratorSchema = z.object({
  name: requiredText(100, {
    empty: "Enter the person's full name",
    tooLong: "Name must be 100 characters or fewer",
  }),
  email: emailAddress("Enter the person's email address"),
});
