// The forgotten-password form: the email address to send a reset link to.
import { z } from "zod";
import { emailAddress } from "./fields";

export const ForgottenPasswordSchema = z.object({ email: emailAddress("Enter your email address") });
