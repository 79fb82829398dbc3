import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, type AuthUser } from '../common/decorators/auth.decorators.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import { ProfileResponseDto } from './dto/profile.dto.js';
import { ProfilesService } from './profiles.service.js';

@ApiTags('Profile')
@ApiNotFoundResponse({
  description: 'No user has this username',
  type: ErrorResponseDto,
})
@Controller('profiles/:username')
export class ProfilesController {
  constructor(private readonly profiles: ProfilesService) {}

  /** A user's public profile. With a token, `following` says whether the caller follows them. */
  @Authenticated({ optional: true })
  @Get()
  @ApiOperation({ operationId: 'GetProfileByUsername' })
  async get(
    @Param('username') username: string,
    @CurrentUser() viewer?: AuthUser,
  ): Promise<ProfileResponseDto> {
    return { profile: await this.profiles.get(username, viewer?.id) };
  }

  /** Follow a user (idempotent). */
  @Authenticated()
  @Post('follow')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'FollowUserByUsername' })
  async follow(
    @Param('username') username: string,
    @CurrentUser() caller: AuthUser,
  ): Promise<ProfileResponseDto> {
    return { profile: await this.profiles.follow(caller.id, username) };
  }

  /** Stop following a user (idempotent). */
  @Authenticated()
  @Delete('follow')
  @ApiOperation({ operationId: 'UnfollowUserByUsername' })
  async unfollow(
    @Param('username') username: string,
    @CurrentUser() caller: AuthUser,
  ): Promise<ProfileResponseDto> {
    return { profile: await this.profiles.unfollow(caller.id, username) };
  }
}
