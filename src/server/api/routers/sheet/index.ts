// Character sheet procedures, one router per tab; every one is built on sheetProcedure.
import { assetsSheetRouter } from "./assets";
import { skillsSheetRouter } from "./skills";
import { clonesSheetRouter } from "./clones";
import { walletSheetRouter } from "./wallet";
import { mailSheetRouter } from "./mail";
import { contactsSheetRouter } from "./contacts";
import { contractsSheetRouter } from "./contracts";
import { standingsSheetRouter } from "./standings";
import { miningSheetRouter } from "./mining";
import { planetsSheetRouter } from "./planets";
import { corporationSheetRouter } from "./corporation";
import { industrySheetRouter } from "./industry";
import { killmailsSheetRouter } from "./killmails";
import { calendarSheetRouter } from "./calendar";
import { fittingsSheetRouter } from "./fittings";
import { skillSetsSheetRouter } from "./skill-sets";
import { overviewSheetRouter } from "./overview";
import { router } from "../../trpc";

export const sheetRouter = router({
  assets: assetsSheetRouter,
  skills: skillsSheetRouter,
  clones: clonesSheetRouter,
  wallet: walletSheetRouter,
  mail: mailSheetRouter,
  contacts: contactsSheetRouter,
  contracts: contractsSheetRouter,
  standings: standingsSheetRouter,
  mining: miningSheetRouter,
  planets: planetsSheetRouter,
  corporation: corporationSheetRouter,
  industry: industrySheetRouter,
  killmails: killmailsSheetRouter,
  calendar: calendarSheetRouter,
  fittings: fittingsSheetRouter,
  skillSets: skillSetsSheetRouter,
  overview: overviewSheetRouter,
});
