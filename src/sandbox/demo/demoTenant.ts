/** Where the demo service lives in the sandbox: shared by the seed and by the preview pages (which must not bundle the server). */
export const DEMO_DOMAIN = "westmere.example";
export const DEMO_SITE = "westmere.sharepoint.example,8f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e,1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
export const CASE_REGISTER_LIST = "CaseRegister";
export const DISPUTES_LIST = "Disputes";
export const SETTINGS_LIST = "IroDeskSettings";
/** The demo tenant's id (Entra ID's directory id), as Teams links and chats carry it. */
export const DEMO_TENANT_ID = "4f8e2a1c-9b3d-4c5e-8f7a-6b5c4d3e2f1a";
