// Angular component templates (server/src/analysis/angular.ts): the script view the parser reads, with a directive's
// input read as a call of it; and, with no configuration, a structural directive whose input setter checks a flag found
// as a wrapper and its uses in templates as checks, keys read off the component's property that holds the registry.

import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { angularTemplateView } from '../../server/src/analysis/angular';
import { buildPatternSet } from '../../server/src/analysis/patterns';
import { isSourceFile } from '../../server/src/workspace/files';
import { removeFlagFromFile } from '../../server/src/analysis/remove/plan';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { writeWorkspace } from './workspace-builders';

const VIEW_ROWS: Array<{ name: string; text: string; view: string }> = [
  {
    name: "a structural directive's input is a call of it with its value",
    text: `<div *cxFeature="'saveForLater'">`,
    view: `     ;cxFeature ('saveForLater') `,
  },
  {
    name: 'a property bound to an input is a call of it; a class, attribute or style binding is an expression',
    text: `<a [appFlag]="flags.x" [class.on]="isOn('y')" [attr.aria-label]="label">`,
    view: `   ;appFlag  (flags.x)           ;(isOn('y'))                  ;(label) `,
  },
  {
    name: "a structural directive's microsyntax ends its expression at `;`; `let` binds names and is no code",
    text: `<p *ngIf="ready; else wait"></p><li *ngFor="let item of items"></li>`,
    view: `   ;ngIf (ready)                                                    `,
  },
  {
    name: 'a pipe is blank: `| async`, and a pipe with arguments; `||` is code',
    text: `<b *ngIf="flags$ | async as f">{{ a || b | date: 'short' }}</b>`,
    view: `   ;ngIf (flags$ )             ;( a || b )                     `,
  },
  {
    name: "an event binding's value is statements, a two-way binding's an expression",
    text: `<input (click)="open(); track('x')" [(ngModel)]="value">`,
    view: `               ;open(); track('x')             ;(value) `,
  },
  {
    name: "a control-flow block's condition is an expression; an @ in text is not",
    text: `@if (isOn('x')) {\n<p>mail me@if.com</p>\n}`,
    view: `   ;(isOn('x'))  \n                     \n `,
  },
  {
    name: "a directive's input given text is a call of it with that text, closed on the blank after it; an element's own attributes are text",
    text: `<span appRemoveIfFeatureOff="DisableLogin" class="x">`,
    view: `     ;appRemoveIfFeatureOff('DisableLogin')          `,
  },
  {
    name: 'a text input closes past a line break, which stays; one right after another text call, or holding a quote or an interpolation, stays text',
    text: `<a appZ="z"\n  appW="w" appQ="q" matTooltip="Hi {{x}}" appY="it's">`,
    view: `  ;appZ('z'\n);appW('w')                                           `,
  },
  {
    name: 'comments, scripts and styles are blank',
    text: `<!-- *cxFeature="'x'" --><style>.a{}</style>`,
    view: `                                            `,
  },
];

describe('angularTemplateView', () => {
  for (const row of VIEW_ROWS) {
    it(row.name, () => {
      const view = angularTemplateView(row.text);
      assert.equal(view, row.view);
      assert.equal(view.length, row.text.length);
    });
  }
});

const FILES: Record<string, string> = {
  'src/app/services/launch-darkly.service.ts': `import { Injectable } from '@angular/core';
import * as LDClient from 'launchdarkly-js-client-sdk';
export const FEATURE_FLAGS = { instantMessaging: 'instant-messaging', dialOut: 'dial-out-participant' };
@Injectable({ providedIn: 'root' })
export class LaunchDarklyService {
  private client = LDClient.initialize('id', { kind: 'user', key: 'u' });
  getFlag(key: string) { return this.client.variation(key, false); }
}`,
  'src/app/shared/feature-flag.directive.ts': `import { Directive, Input, TemplateRef, ViewContainerRef } from '@angular/core';
import { LaunchDarklyService } from '../services/launch-darkly.service';
@Directive({ selector: '[appFeatureFlag]' })
export class FeatureFlagDirective {
  constructor(private templateRef: TemplateRef<unknown>, private viewContainer: ViewContainerRef, private ld: LaunchDarklyService) {}
  @Input() set appFeatureFlag(flagKey: string) {
    if (this.ld.getFlag(flagKey)) this.viewContainer.createEmbeddedView(this.templateRef);
    else this.viewContainer.clear();
  }
}`,
  'src/app/menu/menu.component.ts': `import { Component } from '@angular/core';
import { FEATURE_FLAGS } from '../services/launch-darkly.service';
@Component({ selector: 'app-menu', templateUrl: './menu.component.html' })
export class MenuComponent { featureFlags = FEATURE_FLAGS; }`,
  'src/app/menu/menu.component.html': `<nav>
  <ng-container *appFeatureFlag="featureFlags.instantMessaging"><a>Chat</a></ng-container>
  <button *appFeatureFlag="'dial-out-participant'" (click)="dial()">Dial</button>
  <p [title]="featureFlags.dialOut">{{ items.length }}</p>
</nav>`,
  // Plain HTML is no template FlagLens reads.
  'public/index.html': `<div *appFeatureFlag="'never-read'"></div>`,
};

// The team's own flag service with no SDK, and a directive over it that a template gives its key as text.
const OWN_SERVICE: Record<string, string> = {
  // The team's own service, injected: methods that take the flag's name and give an observable of its value.
  'src/app/services/feature-flag.service.ts': `import { Injectable } from '@angular/core';
import { Observable, of } from 'rxjs';
@Injectable({ providedIn: 'root' })
export class FeatureFlagService {
  private flags: Array<{ name: string; enabled: boolean }> = [];
  featureOn(featureName: string): Observable<boolean> { return of(this.flags.some((flag) => flag.name === featureName && flag.enabled)); }
  refresh(): void {}
}`,
  'src/app/shared/remove-if-feature-off.directive.ts': `import { Directive, ElementRef, Input, OnInit } from '@angular/core';
import { FeatureFlagService } from '../services/feature-flag.service';
@Directive({ selector: '[appRemoveIfFeatureOff]' })
export class RemoveIfFeatureOffDirective implements OnInit {
  @Input('appRemoveIfFeatureOff') featureName: string;
  @Input() label: string;
  constructor(private el: ElementRef, private featureFlagService: FeatureFlagService) {}
  ngOnInit() {
    this.featureFlagService.featureOn(this.featureName).subscribe((on) => { if (!on) this.el.nativeElement.remove(); });
  }
}`,
  'src/app/nav/nav.component.ts': `import { Component } from '@angular/core';
import { FeatureFlagService } from '../services/feature-flag.service';
@Component({ selector: 'app-nav', templateUrl: './nav.component.html' })
export class NavComponent {
  constructor(public featureFlags: FeatureFlagService) {}
  ngOnInit() { this.featureFlags.featureOn('Notices').subscribe(); }
}`,
  'src/app/nav/nav.component.html': `<ul>
  <li appRemoveIfFeatureOff="Sep" class="nav-item"><a>Sep</a></li>
  <li appRemoveIfFeatureOff="Maps"
      routerLink="/maps">Maps</li>
</ul>`,
};

// A directive whose input setter feeds a subject of its own, whose stream the team's service checks (`switchMap`).
const FED_SUBJECT: Record<string, string> = {
  'src/app/core/feature-toggle.service.ts': `import { Injectable } from '@angular/core';
import { BehaviorSubject, Observable } from 'rxjs';
import { map } from 'rxjs/operators';
export function checkFeature(features: string[] = [], feature: string): boolean { return features.includes(feature); }
@Injectable({ providedIn: 'root' })
export class FeatureToggleService {
  private featureToggles$ = new BehaviorSubject<string[]>([]);
  enabled$(feature: string): Observable<boolean> { return this.featureToggles$.pipe(map((features) => checkFeature(features, feature))); }
}`,
  'src/app/core/feature-toggle.directive.ts': `import { Directive, Input } from '@angular/core';
import { BehaviorSubject, of } from 'rxjs';
import { switchMap } from 'rxjs/operators';
@Directive({ selector: '[ishFeature]' })
export class FeatureToggleDirective {
  private feature$ = new BehaviorSubject<string>(undefined);
  private label$ = new BehaviorSubject<string>(undefined);
  constructor(private featureToggle: FeatureToggleService, private view: ViewContainerRef) {
    this.feature$.pipe(switchMap((feature) => (feature ? this.featureToggle.enabled$(feature) : of(false)))).subscribe((on) => this.render(on));
    this.label$.pipe(switchMap((label) => this.translate.get(label))).subscribe();
  }
  @Input() set ishFeature(feature: string) { this.feature$.next(feature); }
  @Input() set ishFeatureLabel(label: string) { this.label$.next(label); }
}`,
  'src/app/core/feature-toggle.pipe.ts': `import { Pipe, PipeTransform } from '@angular/core';
@Pipe({ name: 'ishFeature', pure: false })
export class FeatureTogglePipe implements PipeTransform {
  constructor(private featureToggleService: FeatureToggleService) {}
  transform(feature: string) { return this.featureToggleService.enabled$(feature); }
}`,
  'src/app/header/header.component.ts': `import { Component } from '@angular/core';
@Component({ selector: 'ish-header', templateUrl: './header.component.html' })
export class HeaderComponent {
  constructor(private featureToggleService: FeatureToggleService, private datePipe: DatePipe) {}
  compare$ = this.featureToggleService.enabled$('compare');
  today = this.datePipe.transform('2024-01-01');
}`,
  'src/app/header/header.component.html': `<nav>
  <a *ishFeature="'wishlists'">Wishlists</a>
  <a *ishFeature="'quickorder'" [ishFeatureLabel]="'order'">Quick order</a>
</nav>`,
};

// Components whose templates are written in their scripts, by Angular's and Ionic's naming.
const INLINE: Record<string, string> = {
  'src/app/shared/feature-flag.directive.ts': `import { Directive, Input } from '@angular/core';
@Directive({ selector: '[appFeatureFlag]' })
export class FeatureFlagDirective {
  constructor(private featureFlags: FeatureFlagService) {}
  @Input() set appFeatureFlag(flag: string) { this.featureFlags.featureOn(flag).subscribe((on) => this.render(on)); }
}`,
  'src/app/services/feature-flag.service.ts': `import { Injectable } from '@angular/core';
import { Observable, of } from 'rxjs';
@Injectable({ providedIn: 'root' })
export class FeatureFlagService {
  private flags: Array<{ name: string; enabled: boolean }> = [];
  featureOn(featureName: string): Observable<boolean> { return of(this.flags.some((flag) => flag.name === featureName && flag.enabled)); }
}`,
  'src/app/tabs/tabs.component.ts': `import { Component } from '@angular/core';
@Component({
  selector: 'app-tabs',
  template: \`
    <ion-tab-button
      *appFeatureFlag="'ff_newLogin'" tab="home">Home</ion-tab-button>
    <div class="quotes" *appFeatureFlag="'ff_swap'">Swap</div>
  \`,
})
export class TabsComponent {
  constructor(private featureFlags: FeatureFlagService) {}
  get swap() { return this.featureFlags.featureOn('ff_swap'); }
}`,
  'src/app/wallet/wallet.page.ts': `import { Component } from '@angular/core';
@Component({ selector: 'app-wallet', template: \`<div *appFeatureFlag="'ff_address_list'">List</div>\` })
export class WalletPage {}`,
  // A template made in code, and a script not named for a component, are not read as templates.
  'src/app/made/made.component.ts': `import { Component } from '@angular/core';
const name = 'ff_made';
@Component({ selector: 'app-made', template: \`<div *appFeatureFlag="'\${name}'"></div>\` })
export class MadeComponent {}`,
  'src/app/help.ts': `import { Component } from '@angular/core';
@Component({ selector: 'app-help', template: \`<div *appFeatureFlag="'ff_help'"></div>\` })
export class HelpComponent {}`,
};

describe("an Angular component's template", () => {
  it("is read, with no configuration: the directive's input is a wrapper, its uses checks of the registry's keys", async () => {
    const root = writeWorkspace('flaglens-angular-', FILES);
    assert.ok(isSourceFile(path.join(root, 'src/app/menu/menu.component.html')));
    assert.ok(!isSourceFile(path.join(root, 'public/index.html')));
    const index = new WorkspaceIndex(root, { patterns: buildPatternSet([]), ignore: [], maxFileSize: 1_000_000, log: () => undefined, infer: true });
    await index.indexAll();
    const checks = index.allChecks().get(`${root}/src/app/menu/menu.component.html`) ?? [];
    assert.deepEqual(checks.map(({ key, resolved, method }) => ({ key, resolved, method })), [
      { key: 'instant-messaging', resolved: true, method: 'appFeatureFlag' },
      { key: 'dial-out-participant', resolved: true, method: 'appFeatureFlag' },
    ]);
  });

  it("with the team's own injected service: its method taking the flag's name is a wrapper on what holds it, and a directive whose input property is a check's key a wrapper by the input's name", async () => {
    const root = writeWorkspace('flaglens-angular-service-', OWN_SERVICE);
    const index = new WorkspaceIndex(root, { patterns: buildPatternSet([]), ignore: [], maxFileSize: 1_000_000, log: () => undefined, infer: true });
    await index.indexAll();
    // An injected service of the team's, named for feature flags: its method taking the flag's name is a wrapper on what holds it.
    assert.deepEqual((index.allChecks().get(`${root}/src/app/nav/nav.component.ts`) ?? []).map(({ key, method }) => ({ key, method })), [{ key: 'Notices', method: 'this.featureFlags.featureOn' }]);
    // A directive whose input property is the key of a check in its class is a wrapper by the input's name; a text given it is its key.
    assert.deepEqual((index.allChecks().get(`${root}/src/app/nav/nav.component.html`) ?? []).map(({ key, resolved, method }) => ({ key, resolved, method })), [
      { key: 'Sep', resolved: true, method: 'appRemoveIfFeatureOff' },
      { key: 'Maps', resolved: true, method: 'appRemoveIfFeatureOff' },
    ]);
  });

  it("written in the component's script is read as its template file is, each check marked so, and the clean-up leaves it", async () => {
    const root = writeWorkspace('flaglens-angular-inline-', INLINE);
    const index = new WorkspaceIndex(root, { patterns: buildPatternSet([]), ignore: [], maxFileSize: 1_000_000, log: () => undefined, infer: true });
    await index.indexAll();
    const tabsFile = `${root}/src/app/tabs/tabs.component.ts`;
    const tabsText = fs.readFileSync(tabsFile, 'utf8');
    const tabs = index.checksIn(tabsFile);
    const lineOf = (offset: number): number => tabsText.slice(0, offset).split('\n').length;
    assert.deepEqual(tabs.map(({ key, method, inTemplate, callSpan }) => ({ key, method, line: lineOf(callSpan.start), inTemplate })), [
      { key: 'ff_newLogin', method: 'appFeatureFlag', line: 6, inTemplate: true },
      { key: 'ff_swap', method: 'appFeatureFlag', line: 7, inTemplate: true },
      { key: 'ff_swap', method: 'this.featureFlags.featureOn', line: 12, inTemplate: undefined },
    ]);
    assert.deepEqual(index.checksIn(`${root}/src/app/wallet/wallet.page.ts`).map(({ key }) => key), ['ff_address_list']);
    assert.deepEqual(index.checksIn(`${root}/src/app/made/made.component.ts`), []);
    assert.deepEqual(index.checksIn(`${root}/src/app/help.ts`), []);
    // The template's check is left, saying why; the script's code around it is the clean-up's as in any file.
    const removal = removeFlagFromFile(tabsFile, tabsText, tabs.filter((check) => check.key === 'ff_swap' && check.inTemplate === true), { kind: 'value', value: true }, 'ff_swap');
    assert.equal(removal.text, tabsText);
    assert.deepEqual(removal.problems.map((problem) => [problem.line, problem.message]), [[7, "this check of 'ff_swap' is in the component's template, which the clean-up does not rewrite; left as it is"]]);
  });

  it("with a directive whose input feeds a subject the team's service checks: the input is a wrapper; another input fed to no check, and a pipe's transform, are none", async () => {
    const root = writeWorkspace('flaglens-angular-subject-', FED_SUBJECT);
    const index = new WorkspaceIndex(root, { patterns: buildPatternSet([]), ignore: [], maxFileSize: 1_000_000, log: () => undefined, infer: true });
    await index.indexAll();
    assert.deepEqual((index.allChecks().get(`${root}/src/app/header/header.component.html`) ?? []).map(({ key, resolved, method }) => ({ key, resolved, method })), [
      { key: 'wishlists', resolved: true, method: 'ishFeature' },
      { key: 'quickorder', resolved: true, method: 'ishFeature' },
    ]);
    // Another pipe's `transform` is no check: a pipe is called by its name in a template, never by `transform`.
    assert.deepEqual((index.allChecks().get(`${root}/src/app/header/header.component.ts`) ?? []).map(({ key, method }) => ({ key, method })), [{ key: 'compare', method: 'this.featureToggleService.enabled$' }]);
  });
});
