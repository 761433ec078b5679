import "next-auth";
import "next-auth/jwt";

// Patron's session carries only the Square merchant id; everything else is looked up per request.
declare module "next-auth" {
  interface Session {
    merchantId: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    merchantId?: string;
  }
}
